import { AT_REST } from "../compliance";
import { atRestOff, documentRule } from "../analyses/kit";

export const emrAtRestEncryption = documentRule(
    {
        name: "emr-at-rest-encryption",
        description: "EMR security configurations must turn at-rest encryption on (EnableAtRestEncryption: true).",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AT_REST,
        remediationSteps:
            'Set EncryptionConfiguration.EnableAtRestEncryption to true (the JSON boolean, not the string "true") and add an AtRestEncryptionConfiguration with S3 and local-disk encryption.',
    },
    {},
    (document) => atRestOff(document),
);
