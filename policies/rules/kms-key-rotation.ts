import { ResourceValidationArgs } from "@pulumi/policy";
import { KEY_MANAGEMENT } from "../compliance";
import { withoutProxy } from "../policyHost";
import { CLASSIC_KMS_KEY, KMS_EXTERNAL_KEY, NATIVE_KMS_KEY } from "../resources";
import { resourceRule } from "../analyses/kit";

/**
 * Why AWS cannot rotate this key, or undefined when it can: asymmetric, HMAC, imported-material
 * and custom-key-store keys are out of scope, not violations.
 */
function whyNotRotatable(args: ResourceValidationArgs): string | undefined {
    const props = args.props;
    if (args.type === KMS_EXTERNAL_KEY || props.origin === "EXTERNAL") {
        return "keys with imported key material cannot rotate automatically";
    }
    const spec = args.type === NATIVE_KMS_KEY ? props.keySpec : (props.customerMasterKeySpec ?? props.keySpec);
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") {
        return `${spec} keys cannot rotate automatically`;
    }
    if (props.keyUsage !== undefined && props.keyUsage !== "ENCRYPT_DECRYPT") {
        return `keys for ${props.keyUsage} cannot rotate automatically`;
    }
    if (props.customKeyStoreId !== undefined || props.xksKeyId !== undefined) {
        return "keys in custom key stores cannot rotate automatically";
    }
    return undefined;
}

export const kmsKeyRotation = resourceRule(
    {
        name: "kms-key-rotation",
        description: "Symmetric encryption KMS keys must rotate automatically; keys AWS cannot rotate are not applicable.",
        enforcementLevel: "mandatory",
        severity: "medium",
        compliance: KEY_MANAGEMENT,
        remediationSteps: "Set enableKeyRotation to true. At enforcement level remediate, the pack sets it for you.",
    },
    [CLASSIC_KMS_KEY, NATIVE_KMS_KEY, KMS_EXTERNAL_KEY],
    {},
    (props, _config, args) => {
        const reason = whyNotRotatable(args);
        if (reason) {
            return { notApplicable: reason };
        }
        return props.enableKeyRotation === true
            ? []
            : ["Automatic rotation is off for a symmetric encryption key. Set enableKeyRotation to true."];
    },
    (args) => {
        if ([CLASSIC_KMS_KEY, NATIVE_KMS_KEY].includes(args.type) && !whyNotRotatable(args) && args.props.enableKeyRotation !== true) {
            // A copy of the plain props: spreading the host's proxy would read every property, and
            // one unknown at preview would turn the fix into a "cannot run" at mandatory level.
            return { ...withoutProxy(args.props), enableKeyRotation: true };
        }
        return undefined;
    },
);
