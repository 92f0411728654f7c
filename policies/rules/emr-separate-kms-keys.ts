import { KEY_MANAGEMENT } from "../compliance";
import { isObject } from "../model";
import { ARC, documentRule, EC, LD, lookup, S3 } from "../analyses/kit";

export const emrSeparateKmsKeys = documentRule(
    {
        name: "emr-separate-kms-keys",
        description: "S3 data and local disks must be encrypted with different KMS keys, as AWS recommends.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: KEY_MANAGEMENT,
        remediationSteps:
            "Create a second KMS key for local disks (the emr-security SecureEmrBaseline does by default) and use it as LocalDiskEncryptionConfiguration.AwsKmsKey.",
    },
    {},
    (document) => {
        const s3 = lookup(document, [EC, ARC, S3]).value;
        const diskKey = lookup(document, [EC, ARC, LD, "AwsKmsKey"]).value;
        const s3Keys = [
            isObject(s3) ? s3.AwsKmsKey : undefined,
            ...(isObject(s3) && Array.isArray(s3.Overrides)
                ? s3.Overrides.map((o: unknown) => (isObject(o) ? o.AwsKmsKey : undefined))
                : []),
        ].filter((k): k is string => typeof k === "string");
        if (typeof diskKey !== "string" || s3Keys.length === 0) {
            return { notApplicable: "the document does not use KMS keys for both S3 and local disks" };
        }
        return s3Keys.includes(diskKey) ? [`The local-disk key ${diskKey} also encrypts S3 data. Use a separate key for local disks.`] : [];
    },
);
