import { NETWORK_ACCESS } from "../compliance";
import { stackRule } from "../analyses/kit";
import { CLUSTERS } from "../analyses/networkedKinds";
import { networkFindingsOfKind } from "../analyses/networkIsolation";

/**
 * The half of network isolation the stack cannot show: a subnet, route table or security group
 * managed elsewhere is named here, never passed. A policy has one level, so this is its own rule.
 */
export const emrClusterNetworkIsolationReview = stackRule(
    {
        name: "emr-cluster-network-isolation-review",
        description:
            "Network resources of EMR clusters that are outside the stack, so their isolation cannot be verified: subnets, their route tables, and security groups.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network"] },
        remediationSteps:
            "Check each named subnet, route table and security group outside the stack, or manage it in the stack so emr-cluster-network-isolation can verify it. Name the cluster's security groups rather than leave EMR to use its defaults.",
    },
    {},
    (args) => networkFindingsOfKind("unverified", args.resources, [], CLUSTERS),
);
