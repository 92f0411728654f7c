import { AT_REST } from "../compliance";
import { FORMATS, kmsKeyReference, shown } from "../model";
import { ARC, atRestSection, documentRule, LD } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

const OPTIONS = ruleOptions({
    allowCustomProvider: option<boolean>({
        type: "boolean",
        default: true,
        description: "Allow EncryptionKeyProviderType Custom (a provider jar of your own), a documented EMR feature.",
    }),
});

export const emrLocalDiskEncryption = documentRule(
    {
        name: "emr-local-disk-encryption",
        description:
            "Cluster nodes must encrypt local disks: provider AwsKms with a KMS key, or (if allowed) Custom with its jar and class.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AT_REST,
        remediationSteps:
            "Add AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration with EncryptionKeyProviderType AwsKms and AwsKmsKey set to a customer-managed key's full ARN.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config) => {
        const found = atRestSection(
            document,
            LD,
            (hint) =>
                `${ARC} has no ${LD}${hint}, so EMR does not encrypt the nodes' local disks. Add one with EncryptionKeyProviderType "AwsKms" and a KMS key ARN.`,
        );
        if ("violations" in found) {
            return found.violations;
        }
        const disk = found.section;
        const provider = disk.EncryptionKeyProviderType;
        if (provider === "AwsKms") {
            const key = disk.AwsKmsKey;
            // Any form KMS resolves (key ARN, alias ARN, alias, key id) encrypts: the form is advice (emr-kms-key-reference).
            return typeof key === "string" && kmsKeyReference(key) !== undefined
                ? []
                : [
                      `${LD} uses AwsKms but ${key === undefined ? "has no AwsKmsKey" : "its AwsKmsKey names no KMS key"}. Give the key's ARN.`,
                  ];
        }
        if (provider === "Custom") {
            if (!config.allowCustomProvider) {
                return [
                    `${LD} uses a Custom key provider, which this policy does not allow. Use EncryptionKeyProviderType "AwsKms" with a KMS key.`,
                ];
            }
            const jar = disk.S3Object;
            const complete =
                typeof jar === "string" &&
                !FORMATS.s3Jar(jar) &&
                typeof disk.EncryptionKeyProviderClass === "string" &&
                !FORMATS.javaClass(disk.EncryptionKeyProviderClass);
            return complete
                ? []
                : [
                      `${LD} uses a Custom key provider without a valid S3Object jar and EncryptionKeyProviderClass. Add both, or use AwsKms.`,
                  ];
        }
        return [`${LD} has EncryptionKeyProviderType ${shown(provider)}; EMR accepts "AwsKms" or "Custom" (case-sensitive).`];
    },
);
