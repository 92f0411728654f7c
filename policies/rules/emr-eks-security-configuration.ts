import { AT_REST, IN_TRANSIT } from "../compliance";
import { FORMATS, isObject, JsonObject, kmsKeyReference, listOf, quote } from "../model";
import { EKS_SECURITY_CONFIGURATION } from "../resources";
import { resourceRule } from "../analyses/kit";

/** The values CloudFormation's schema allows (policies/reference/emr.md §7). */
const S3_OPTIONS = ["SSE-S3", "SSE-KMS", "CSE-KMS"];
const KEY_PROVIDERS = ["AwsKms"];
const CERTIFICATE_PROVIDERS = ["PEM"];

const section = (value: unknown, key: string): JsonObject | undefined => (isObject(value) && isObject(value[key]) ? value[key] : undefined);

function keyProblem(where: string, key: unknown): string[] {
    if (typeof key === "string" && kmsKeyReference(key) !== undefined) {
        return [];
    }
    return [
        `${where} ${key === undefined ? "names no key" : `names ${typeof key === "string" ? quote(key) : "a value"}, which is no KMS key`}. Give a customer managed key's ARN.`,
    ];
}

function oneOf(where: string, value: unknown, allowed: readonly string[]): string[] {
    return typeof value === "string" && allowed.includes(value)
        ? []
        : [
              `${where} is ${typeof value === "string" ? quote(value) : "unset"}; CloudFormation accepts ${listOf(allowed)} (case-sensitive).`,
          ];
}

export const emrEksSecurityConfiguration = resourceRule(
    {
        name: "emr-eks-security-configuration",
        description:
            "EMR on EKS security configurations (aws-native) that encrypt S3 data or local disks do it under a customer managed key, and in-transit TLS names both certificate secrets, with the values CloudFormation accepts.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...AT_REST, tags: [...new Set([...AT_REST.tags, ...IN_TRANSIT.tags])] },
        remediationSteps:
            "Under securityConfigurationData.encryptionConfiguration, give s3EncryptionConfiguration encryptionOption SSE-KMS or CSE-KMS with kmsKeyId, localDiskEncryptionConfiguration encryptionKeyProviderType AwsKms with awsKmsKeyId, and tlsCertificateConfiguration certificateProviderType PEM with privateKeySecretArn and publicKeySecretArn (Secrets Manager secret ARNs).",
    },
    [EKS_SECURITY_CONFIGURATION],
    {},
    (props) => {
        const encryption = section(props.securityConfigurationData, "encryptionConfiguration");
        if (!encryption) {
            return { notApplicable: "the security configuration sets no encryption (Lake Formation or authentication only)" };
        }
        const atRest = section(encryption, "atRestEncryptionConfiguration");
        const s3 = section(atRest, "s3EncryptionConfiguration");
        const disk = section(atRest, "localDiskEncryptionConfiguration");
        const tls = section(section(encryption, "inTransitEncryptionConfiguration"), "tlsCertificateConfiguration");
        const found: string[] = [];
        if (s3) {
            const option = s3.encryptionOption;
            found.push(...oneOf("s3EncryptionConfiguration.encryptionOption", option, S3_OPTIONS));
            if (option === "SSE-S3") {
                found.push(
                    "S3 data is encrypted with SSE-S3, under keys S3 owns rather than a key you control. Use SSE-KMS or CSE-KMS with kmsKeyId.",
                );
            } else if (typeof option === "string" && S3_OPTIONS.includes(option)) {
                found.push(...keyProblem(`s3EncryptionConfiguration uses ${option} but kmsKeyId`, s3.kmsKeyId));
            }
        }
        if (disk) {
            found.push(
                ...oneOf("localDiskEncryptionConfiguration.encryptionKeyProviderType", disk.encryptionKeyProviderType, KEY_PROVIDERS),
            );
            found.push(...keyProblem("localDiskEncryptionConfiguration awsKmsKeyId", disk.awsKmsKeyId));
        }
        if (tls) {
            found.push(...oneOf("tlsCertificateConfiguration.certificateProviderType", tls.certificateProviderType, CERTIFICATE_PROVIDERS));
            for (const key of ["privateKeySecretArn", "publicKeySecretArn"]) {
                const value = tls[key];
                const problem =
                    typeof value === "string"
                        ? FORMATS.secretArn(value)
                        : { message: value === undefined ? "is unset" : "is not a string" };
                if (problem) {
                    found.push(
                        `tlsCertificateConfiguration.${key} ${problem.message}: TLS needs both halves of the certificate in Secrets Manager.`,
                    );
                }
            }
        }
        return found;
    },
);
