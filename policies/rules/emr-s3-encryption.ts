import { AT_REST } from "../compliance";
import { isObject, JsonObject, kmsKeyReference, listOf, quote, S3_ENCRYPTION_MODES } from "../model";
import { ARC, atRestSection, documentRule, S3 } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

const KMS_MODES = ["SSE-KMS", "CSE-KMS"];

/**
 * A KMS mode needs a key; any form KMS resolves (key ARN, alias ARN, alias, key id) is KMS encryption.
 * Which form is best is advice, for emr-kms-key-reference.
 */
function keyProblem(where: string, mode: string, key: unknown): string[] {
    if (!KMS_MODES.includes(mode) || (typeof key === "string" && kmsKeyReference(key) !== undefined)) {
        return [];
    }
    const what = key === undefined ? "has no AwsKmsKey" : "has an AwsKmsKey that names no KMS key";
    return [`${where} uses ${mode} but ${what}. Give the key's ARN (arn:aws:kms:<region>:<account>:key/<id>).`];
}

const OPTIONS = ruleOptions({
    allowedModes: option<string[]>({
        type: "array",
        items: { type: "string", enum: [...S3_ENCRYPTION_MODES] },
        default: KMS_MODES,
        description: "EncryptionMode values allowed for S3 data and for every per-bucket override.",
    }),
});

export const emrS3Encryption = documentRule(
    {
        name: "emr-s3-encryption",
        description:
            "EMRFS data in S3 must be encrypted in an allowed mode (default SSE-KMS or CSE-KMS), per-bucket overrides included, each KMS mode with a key.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AT_REST,
        remediationSteps:
            "Set AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode to SSE-KMS (or CSE-KMS) with AwsKmsKey set to a customer-managed key's full ARN, and give every per-bucket override an allowed mode.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config) => {
        const found = atRestSection(
            document,
            S3,
            (hint) =>
                `${ARC} has no ${S3}${hint}, so EMR does not encrypt EMRFS data in S3. Add one with EncryptionMode ${listOf(config.allowedModes)}.`,
        );
        if ("violations" in found) {
            return found.violations;
        }
        const s3 = found.section;
        const violations: string[] = [];
        const check = (where: string, item: JsonObject) => {
            const mode = item.EncryptionMode;
            if (typeof mode !== "string" || !config.allowedModes.includes(mode)) {
                violations.push(
                    `${where} has EncryptionMode ${typeof mode === "string" ? quote(mode) : "unset"}; allowed: ${listOf(config.allowedModes)} (case-sensitive).`,
                );
                return;
            }
            violations.push(...keyProblem(where, mode, item.AwsKmsKey));
        };
        check(S3, s3);
        const overrides = s3.Overrides;
        if (Array.isArray(overrides)) {
            overrides.forEach((override: unknown, i) => {
                const bucket = isObject(override) && typeof override.BucketName === "string" ? ` for bucket ${override.BucketName}` : "";
                check(`Override ${i}${bucket}`, isObject(override) ? override : {});
            });
        }
        return violations;
    },
);
