import { KEY_MANAGEMENT } from "../compliance";
import { listed, quote } from "../model";
import { disabledKeys } from "../analyses/disabledKeys";
import { stackRule } from "../analyses/kit";

export const kmsKeyEnabled = stackRule(
    {
        name: "kms-key-enabled",
        description:
            "KMS keys that EMR uses are enabled: a security configuration's keys, a cluster's log encryption key, and the key of the bucket holding the certificate.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...KEY_MANAGEMENT, tags: [...KEY_MANAGEMENT.tags, "emr"] },
        remediationSteps:
            "Set isEnabled to true (aws) or enabled to true (aws-native) on the key, or point the security configuration, the cluster's logEncryptionKmsKeyId or the bucket's default encryption at an enabled key.",
    },
    {},
    (args) => {
        const found = disabledKeys(args.resources);
        if (!Array.isArray(found)) {
            return found;
        }
        return found
            .filter((d) => d.usedFor.length > 0)
            .map(({ key, usedFor }) => ({
                resource: key.urn,
                message: `The key ${quote(key.name)} is disabled, yet it encrypts ${listed(usedFor, "; ")}: KMS refuses every request with it, so the cluster cannot start or read its data. Enable the key.`,
            }));
    },
);
