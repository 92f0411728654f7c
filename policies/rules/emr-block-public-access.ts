import { NETWORK_ACCESS } from "../compliance";
import { isObject, shown } from "../model";
import { BLOCK_PUBLIC_ACCESS } from "../resources";
import { resourceRule } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

const OPTIONS = ruleOptions({
    permittedPorts: option<number[]>({
        type: "array",
        items: { type: "integer", minimum: 0, maximum: 65535 },
        default: [22],
        description: "Ports that may be open to the internet through block-public-access exceptions.",
    }),
});

export const emrBlockPublicAccess = resourceRule(
    {
        name: "emr-block-public-access",
        description:
            "EMR block public access must be on and permit public security-group rules on no port but the allowed ones (default 22), as Security Hub EMR.2 requires.",
        enforcementLevel: "mandatory",
        severity: "critical",
        compliance: NETWORK_ACCESS,
        remediationSteps:
            "Set blockPublicSecurityGroupRules to true and keep permittedPublicSecurityGroupRuleRanges to port 22 alone (or none).",
        configSchema: OPTIONS.configSchema,
    },
    [BLOCK_PUBLIC_ACCESS],
    OPTIONS.defaults,
    (props, config) => {
        const violations: string[] = [];
        if (props.blockPublicSecurityGroupRules !== true) {
            violations.push(
                "blockPublicSecurityGroupRules is not true: clusters in public subnets may be created with security groups open to the internet. Set it to true.",
            );
        }
        const ranges = props.permittedPublicSecurityGroupRuleRanges;
        (Array.isArray(ranges) ? ranges : []).forEach((range: unknown) => {
            const min = isObject(range) ? range.minRange : undefined;
            const max = isObject(range) ? (range.maxRange ?? min) : undefined;
            const allowed = typeof min === "number" && typeof max === "number" && min === max && config.permittedPorts.includes(min);
            if (!allowed) {
                violations.push(
                    `A permitted public range covers ports ${shown(min)}-${shown(max)}; only ${config.permittedPorts.join(", ") || "none"} may be open to the internet. Remove the range.`,
                );
            }
        });
        return violations;
    },
);
