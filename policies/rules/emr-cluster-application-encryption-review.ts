import { IN_TRANSIT } from "../compliance";
import { allowedOverridesOption, findingsOfKind } from "../analyses/applicationOverrides";
import { stackRule } from "../analyses/kit";

const OPTIONS = allowedOverridesOption("classification/property pairs reviewed and accepted.");

/**
 * The advice beside emr-cluster-application-encryption: overrides AWS documents under a condition,
 * settings whose effect is not verified, values the application ignores, and configurations that
 * cannot be read (a URL or file): never a pass, and never a failure.
 */
export const emrClusterApplicationEncryptionReview = stackRule(
    {
        name: "emr-cluster-application-encryption-review",
        description:
            "Application settings to review against the security configuration: documented opt-outs under their condition, unverified keys, ineffective values, and configurations that cannot be inspected.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: { ...IN_TRANSIT, tags: [...IN_TRANSIT.tags, "application-configuration"] },
        remediationSteps:
            "Check each named setting against the condition in the message; give configurations inline (configurationsJson) so they can be checked; list accepted pairs in allowedOverrides.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => findingsOfKind("review", args.resources, config.allowedOverrides),
);
