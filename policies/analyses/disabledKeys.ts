/**
 * What kms-key-enabled and its review rule share: the stack's disabled keys, each with what of
 * EMR uses it. A disabled key that EMR uses stops the cluster; one nothing here uses may still be
 * used elsewhere, which only a person can tell.
 */
import { PolicyResource } from "@pulumi/policy";
import { quote } from "../model";
import { CLASSIC_KMS_KEY, CLUSTER_TYPES, KMS_KEY_TYPES, S3_BUCKETS, SECURITY_CONFIGURATION_TYPES } from "../resources";
import { bucketKmsKeys, certificateZipOf, documentKeyUses } from "./keyUses";
import { documentOf, StackView } from "./stackView";

export interface DisabledKey {
    key: PolicyResource;
    /** What of EMR in this stack uses the key, for messages; empty when nothing does. */
    usedFor: string[];
}

/**
 * aws classic writes `isEnabled` on a key and `enabled` on an external key; aws-native writes
 * `enabled`. The string "false" counts too: the bridge may coerce it, and a gate must not guess.
 */
function isDisabled(key: PolicyResource): boolean {
    const enabled = key.type === CLASSIC_KMS_KEY ? key.props.isEnabled : key.props.enabled;
    return enabled === false || (typeof enabled === "string" && enabled.trim().toLowerCase() === "false");
}

type Result = DisabledKey[] | { notApplicable: string };

/** The stack's disabled keys with their EMR uses, or why there is nothing to judge: one pass for both rules. */
export function disabledKeys(resources: PolicyResource[]): Result {
    const stack = StackView.of(resources);
    return stack.memo("disabled-keys", () => findDisabledKeys(stack));
}

function findDisabledKeys(stack: StackView): Result {
    const keys = stack.ofTypes(KMS_KEY_TYPES);
    if (keys.length === 0) {
        return { notApplicable: "no KMS key in this stack" };
    }
    const disabled = keys.filter(isDisabled);
    if (disabled.length === 0) {
        return [];
    }
    const uses = new Map<PolicyResource, string[]>();
    const use = (reference: unknown, what: string) => {
        const key = typeof reference === "string" ? stack.kmsKey(reference) : undefined;
        const known = key && uses.get(key);
        if (known) {
            known.push(what);
        } else if (key) {
            uses.set(key, [what]);
        }
    };
    for (const configuration of stack.ofTypes(SECURITY_CONFIGURATION_TYPES)) {
        const document = documentOf(configuration);
        if (!document) {
            continue;
        }
        const name = `security configuration ${quote(configuration.name)}`;
        documentKeyUses(document).forEach((u) => use(u.arn, `${u.what} of the ${name}`));
        const zip = certificateZipOf(document);
        const bucket = zip && stack.onBucket(S3_BUCKETS, zip.bucket)[0];
        if (zip && bucket) {
            bucketKmsKeys(stack, bucket, zip.bucket).forEach((k) =>
                use(k, `the bucket ${quote(zip.bucket)} holding the certificate of the ${name}`),
            );
        }
    }
    for (const cluster of stack.ofTypes(CLUSTER_TYPES)) {
        use(cluster.props.logEncryptionKmsKeyId, `the logs of cluster ${quote(cluster.name)}`);
    }
    return disabled.map((key) => ({ key, usedFor: [...new Set(uses.get(key) ?? [])] }));
}
