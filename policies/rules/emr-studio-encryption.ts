import { AUTHENTICATION } from "../compliance";
import { listOf, shown } from "../model";
import { STUDIO_TYPES } from "../resources";
import { resourceRule } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

/** The API's AuthMode values. */
const AUTH_MODES = ["SSO", "IAM"];

const OPTIONS = ruleOptions({
    allowedAuthModes: option<string[]>({
        type: "array",
        items: { type: "string", enum: AUTH_MODES },
        minItems: 1,
        default: AUTH_MODES,
        description: 'How users may sign in: "SSO" (IAM Identity Center) and "IAM".',
    }),
});

export const emrStudioEncryption = resourceRule(
    {
        name: "emr-studio-encryption",
        description:
            "EMR Studio encrypts the Workspace and notebook files it backs up to S3 with a customer managed KMS key, and signs users in as the options allow.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: {
            ...AUTHENTICATION,
            tags: [...AUTHENTICATION.tags, "nist-800-53-r5:SC-28", "pci-dss:3.5.1", "hipaa:164.312(a)(2)(iv)"],
        },
        remediationSteps:
            "Set the Studio's encryptionKeyArn to a customer managed key's ARN whose policy lets the Studio service role use it, and authMode to an allowed mode (SSO for IAM Identity Center).",
        configSchema: OPTIONS.configSchema,
    },
    STUDIO_TYPES,
    OPTIONS.defaults,
    (props, config) => {
        const violations: string[] = [];
        if (!props.encryptionKeyArn) {
            violations.push(
                "The Studio sets no encryptionKeyArn, so Workspace and notebook backups in its defaultS3Location are encrypted only as the bucket's default says. Set encryptionKeyArn to a customer managed key.",
            );
        }
        if (!config.allowedAuthModes.includes(String(props.authMode))) {
            violations.push(`authMode is ${shown(props.authMode)}; allowed: ${listOf(config.allowedAuthModes)}.`);
        }
        return violations;
    },
);
