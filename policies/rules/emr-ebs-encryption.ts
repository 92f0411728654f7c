import { AT_REST } from "../compliance";
import { shown } from "../model";
import { ARC, atRestSection, documentRule, EC, flagState, LD } from "../analyses/kit";

export const emrEbsEncryption = documentRule(
    {
        name: "emr-ebs-encryption",
        description: "EBS root and data volumes must be encrypted with the local-disk KMS key (EnableEbsEncryption: true with AwsKms).",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AT_REST,
        remediationSteps:
            "In LocalDiskEncryptionConfiguration set EncryptionKeyProviderType to AwsKms and EnableEbsEncryption to true (EMR 5.24.0+), and make the EMR service role a user of the key. Without it, EBS volumes get only LUKS and EC2 reports them unencrypted.",
    },
    {},
    (document) => {
        const found = atRestSection(
            document,
            LD,
            (hint) =>
                `${ARC} has no ${LD}${hint}, so EBS volumes are not encrypted by EMR. Add one with EncryptionKeyProviderType "AwsKms" and EnableEbsEncryption true.`,
        );
        if ("violations" in found) {
            return found.violations;
        }
        const disk = found.section;
        const violations: string[] = [];
        if (disk.EnableEbsEncryption !== true) {
            violations.push(
                `EBS encryption is off: ${flagState(document, [EC, ARC, LD, "EnableEbsEncryption"])}. Set it to true (a JSON boolean).`,
            );
        }
        if (disk.EncryptionKeyProviderType !== "AwsKms") {
            violations.push(`EBS encryption needs EncryptionKeyProviderType "AwsKms"; it is ${shown(disk.EncryptionKeyProviderType)}.`);
        }
        return violations;
    },
);
