import { CONFIGURATION } from "../compliance";
import { isObject, shown } from "../model";
import { documentRule, lookup } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

const OPTIONS = ruleOptions({
    maxHopLimit: option<number>({
        type: "integer",
        minimum: 1,
        maximum: 64,
        default: 1,
        description: "The highest HttpPutResponseHopLimit allowed.",
    }),
});

export const emrImdsv2 = documentRule(
    {
        name: "emr-imdsv2",
        description: "Cluster nodes must require IMDSv2, with a PUT response hop limit within the allowed maximum.",
        enforcementLevel: "mandatory",
        severity: "medium",
        compliance: { ...CONFIGURATION, tags: [...CONFIGURATION.tags, "nist-800-53-r5:AC-3", "imds"] },
        remediationSteps:
            "Add InstanceMetadataServiceConfiguration with MinimumInstanceMetadataServiceVersion 2 and HttpPutResponseHopLimit 1 (EMR 5.23.1, 5.27.1, 5.32+ or 6.2+). Raise the hop limit only for containers that need IMDS.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config) => {
        const { value: imds, hint } = lookup(document, ["InstanceMetadataServiceConfiguration"]);
        if (!isObject(imds)) {
            return [
                `There is no InstanceMetadataServiceConfiguration${hint}, so nodes accept IMDSv1. Add one with MinimumInstanceMetadataServiceVersion 2.`,
            ];
        }
        const violations: string[] = [];
        if (imds.MinimumInstanceMetadataServiceVersion !== 2) {
            violations.push(
                `MinimumInstanceMetadataServiceVersion is ${shown(imds.MinimumInstanceMetadataServiceVersion)}; it must be the number 2 (IMDSv2 only).`,
            );
        }
        const hops = imds.HttpPutResponseHopLimit;
        if (typeof hops !== "number" || hops > config.maxHopLimit) {
            violations.push(`HttpPutResponseHopLimit is ${shown(hops)}; at most ${config.maxHopLimit} is allowed.`);
        }
        return violations;
    },
);
