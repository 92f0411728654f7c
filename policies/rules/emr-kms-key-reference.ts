import { KEY_MANAGEMENT } from "../compliance";
import { kmsKeyReference, kmsKeyValues, pointer, quote } from "../model";
import { documentRule } from "../analyses/kit";

const FORMS = { "alias-arn": "an alias ARN", "alias-name": "an alias name", "key-id": "a bare key id" } as const;

/**
 * EMR, KMS, S3 and EC2 accept a same-account key by alias or key id, so the document is valid; but
 * only the key ARN says which key in which account, which key-policy checks and cross-account use need.
 */
export const emrKmsKeyReference = documentRule(
    {
        name: "emr-kms-key-reference",
        description:
            "KMS keys in EMR security configurations should be named by key ARN: an alias or key id works for same-account keys, but hides which key and account it is.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: KEY_MANAGEMENT,
        remediationSteps:
            "Replace each alias ARN, alias name or key id in AwsKmsKey with the key's ARN (arn:aws:kms:<region>:<account>:key/<key-id>), e.g. the arn output of the aws.kms.Key.",
    },
    {},
    (document) => {
        const keys = kmsKeyValues(document);
        if (keys.length === 0) {
            return { notApplicable: "the document names no KMS key" };
        }
        return keys.flatMap(({ path, value }) => {
            const form = kmsKeyReference(value);
            return form === undefined || form === "key-arn"
                ? []
                : [
                      `${pointer(path)} names its key by ${FORMS[form]} (${quote(value)}). Use the key ARN, so that key-policy checks and cross-account use are exact: emr-kms-key-policy finds the key only through an alias or key of this stack.`,
                  ];
        });
    },
);
