import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateSecurityConfiguration } from "../model";
import { SECURITY_CONFIGURATION_TYPES, securityConfigurationOf } from "../resources";

/** Shown at most this many problems per resource; the rest are counted. */
const MAX_SHOWN = 10;

export const emrSecurityConfigurationValid: ResourceValidationPolicy = {
    name: "emr-security-configuration-valid",
    description: "EMR security configurations must be documents EMR accepts: exact keys, types, values and cross-field rules.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["emr", "correctness"],
    remediationSteps:
        "Fix each field the message names; build the document with the emr-security SecurityConfiguration component to get it right by construction.",
    configSchema: {
        properties: {
            releaseLabel: {
                type: "string",
                description: "Also refuse features this EMR release (e.g. emr-7.5.0) does not support.",
                pattern: "^emr-\\d+\\.\\d+\\.\\d+$",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (!SECURITY_CONFIGURATION_TYPES.includes(args.type)) {
            return;
        }
        const { releaseLabel } = args.getConfig<{ releaseLabel?: string }>();
        const problems = validateSecurityConfiguration(securityConfigurationOf(args.type, args.props), { releaseLabel });
        if (problems.length === 0) {
            return;
        }
        const shown = problems.slice(0, MAX_SHOWN).map((p) => `${p.path || "(document)"}: ${p.message}`);
        const more = problems.length > MAX_SHOWN ? [`... and ${problems.length - MAX_SHOWN} more`] : [];
        reportViolation(`The security configuration is not one EMR accepts:\n${[...shown, ...more].join("\n")}`);
    },
};
