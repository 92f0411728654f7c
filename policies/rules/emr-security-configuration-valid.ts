import { CONFIGURATION } from "../compliance";
import { PROBLEM_CODES, validateSecurityConfiguration } from "../model";
import { documentRule } from "../analyses/kit";
import { option, optionalOption, ruleOptions } from "../analyses/ruleOptions";

/** At most this many problems per resource are listed; the rest are counted. */
const MAX_SHOWN = 10;

const OPTIONS = ruleOptions({
    releaseLabel: optionalOption<string>({
        type: "string",
        pattern: "^emr-\\d+\\.\\d+\\.\\d+$",
        description: "Also refuse features this EMR release (e.g. emr-7.5.0) does not support.",
    }),
    ignoreCodes: option<string[]>({
        type: "array",
        items: { type: "string", enum: Object.keys(PROBLEM_CODES) },
        default: [],
        description: "Problem codes not to report, for a team that accepts a known deviation on purpose.",
    }),
});

export const emrSecurityConfigurationValid = documentRule(
    {
        name: "emr-security-configuration-valid",
        description:
            "EMR security configurations must be documents EMR accepts: exact keys, types, values and cross-field rules. Only what EMR refuses, or what cannot work, fails it; advice is left to the posture rules.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: CONFIGURATION,
        remediationSteps:
            "Fix each field the message names (keys and values are case-sensitive, booleans are JSON booleans, KMS modes need a key). The emr-security SecurityConfiguration component builds valid documents from typed arguments.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config, parsed) => {
        const problems = [
            ...(parsed.duplicates ?? []),
            ...validateSecurityConfiguration(document, { releaseLabel: config.releaseLabel }),
        ].filter((p) => !config.ignoreCodes.includes(p.code));
        if (problems.length === 0) {
            return [];
        }
        const shown = problems.slice(0, MAX_SHOWN).map((p) => `${p.path || "(document)"}: ${p.message} [${p.code}]`);
        const more = problems.length > MAX_SHOWN ? [`... and ${problems.length - MAX_SHOWN} more`] : [];
        return [`The security configuration is not one EMR accepts:\n${[...shown, ...more].join("\n")}`];
    },
);
