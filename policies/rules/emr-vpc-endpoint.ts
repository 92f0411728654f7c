import { PolicyResource } from "@pulumi/policy";
import { NETWORK_ACCESS } from "../compliance";
import { listed, quote } from "../model";
import { CLUSTER_TYPES, ec2IdsOf, SUBNET_TYPES, VPC_ENDPOINT_TYPES, VPC_TYPES } from "../resources";
import { clusterNetworkOf } from "../analyses/clusterNetwork";
import { stackRule } from "../analyses/kit";
import { StackView } from "../analyses/stackView";

/** `com.amazonaws.<region>.elasticmapreduce`, and `cn.com.amazonaws.<region>.elasticmapreduce` in China. */
const EMR_SERVICE = /^(?:cn\.)?com\.amazonaws\.([a-z0-9-]+)\.elasticmapreduce$/;

/** The Region of a VPC, from its ARN, when the stack shows it. */
function regionOf(vpc: PolicyResource): string | undefined {
    const arn = vpc.props.arn;
    return typeof arn === "string" ? arn.split(":")[3] || undefined : undefined;
}

/** Why an endpoint is not the EMR interface endpoint with private DNS, or undefined when it is. */
function endpointProblem(endpoint: PolicyResource, region: string | undefined): string | undefined {
    const { serviceName, vpcEndpointType, privateDnsEnabled } = endpoint.props;
    const match = typeof serviceName === "string" ? EMR_SERVICE.exec(serviceName) : null;
    if (!match) {
        return "";
    }
    if (region !== undefined && match[1] !== region) {
        return `it serves ${quote(match[1])}, not the VPC's Region ${quote(region)}`;
    }
    if (vpcEndpointType !== "Interface") {
        return "it is not of type Interface (the default type is Gateway, which EMR does not offer)";
    }
    return privateDnsEnabled === true ? undefined : "private DNS is off, so the EMR API name still resolves to the public endpoint";
}

export const emrVpcEndpoint = stackRule(
    {
        name: "emr-vpc-endpoint",
        description:
            "A VPC of the stack that runs EMR clusters of the stack reaches the EMR API through an interface endpoint (PrivateLink) with private DNS, not through an internet gateway.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network", "privatelink"] },
        remediationSteps:
            'Add an aws.ec2.VpcEndpoint with serviceName "com.amazonaws.<region>.elasticmapreduce", vpcEndpointType "Interface", privateDnsEnabled true, the cluster\'s subnets, and a security group admitting HTTPS from the VPC.',
    },
    {},
    (args) => {
        const stack = StackView.of(args.resources);
        const clusters = stack.ofTypes(CLUSTER_TYPES);
        const vpcs = stack.ofTypes(VPC_TYPES);
        if (clusters.length === 0 || vpcs.length === 0) {
            return { notApplicable: "the stack does not define both a VPC and an EMR cluster" };
        }
        // The VPCs that hold the clusters; a cluster whose subnet is elsewhere could be in any of them.
        const hosting = new Set<PolicyResource>();
        for (const cluster of clusters) {
            for (const subnetId of clusterNetworkOf(cluster.type, cluster.props).subnets) {
                const subnet = stack.ec2Resource(SUBNET_TYPES, subnetId);
                const vpc = subnet && typeof subnet.props.vpcId === "string" ? stack.ec2Resource(VPC_TYPES, subnet.props.vpcId) : undefined;
                (subnet ? (vpc ? [vpc] : []) : vpcs).forEach((v) => hosting.add(v));
            }
        }
        const findings: { resource: string; message: string }[] = [];
        for (const vpc of hosting) {
            const endpoints = new Set(
                ec2IdsOf(vpc.type, vpc.props).flatMap((id) =>
                    stack.where(VPC_ENDPOINT_TYPES, "endpoint-by-vpc", (e) => [e.props.vpcId], id),
                ),
            );
            const problems = [...endpoints].map((e) => endpointProblem(e, regionOf(vpc)));
            if (problems.includes(undefined)) {
                continue;
            }
            const near = [...new Set(problems.filter((p): p is string => !!p))];
            findings.push({
                resource: vpc.urn,
                message: `The VPC ${quote(vpc.name)} runs EMR clusters but has no interface endpoint for the EMR API with private DNS${near.length > 0 ? ` (its EMR endpoint: ${listed(near, "; ", 3)})` : ""}, so calls to EMR leave the VPC. Add one for com.amazonaws.<region>.elasticmapreduce.`,
            });
        }
        return findings;
    },
);
