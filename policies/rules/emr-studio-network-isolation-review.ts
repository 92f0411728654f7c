import { NETWORK_ACCESS } from "../compliance";
import { stackRule } from "../analyses/kit";
import { STUDIOS } from "../analyses/networkedKinds";
import { networkFindingsOfKind } from "../analyses/networkIsolation";

/** What emr-studio-network-isolation cannot see: named here, never passed. */
export const emrStudioNetworkIsolationReview = stackRule(
    {
        name: "emr-studio-network-isolation-review",
        description:
            "Network resources of EMR Studios that are outside the stack, so their isolation cannot be verified: subnets, their route tables, and security groups.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network"] },
        remediationSteps:
            "Check each named subnet, route table and security group outside the stack, or manage it in the stack so emr-studio-network-isolation can verify it.",
    },
    {},
    (args) => networkFindingsOfKind("unverified", args.resources, [], STUDIOS),
);
