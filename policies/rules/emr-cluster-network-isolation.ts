import { NETWORK_ACCESS } from "../compliance";
import { stackRule } from "../analyses/kit";
import { CLUSTERS } from "../analyses/networkedKinds";
import { networkFindingsOfKind, permittedPortsOptions } from "../analyses/networkIsolation";

const OPTIONS = permittedPortsOptions(CLUSTERS);

export const emrClusterNetworkIsolation = stackRule(
    {
        name: "emr-cluster-network-isolation",
        description:
            "EMR clusters run in a private subnet of a VPC: no public IPs on launch, no route to an internet gateway, and no security group open to the world.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network"] },
        remediationSteps:
            "Give the cluster a subnet (ec2Attributes.subnetId) with mapPublicIpOnLaunch false whose route table sends 0.0.0.0/0 and ::/0 to a NAT gateway or nowhere, never to an internet gateway; remove ingress from 0.0.0.0/0 and ::/0 on its security groups, inline or in SecurityGroupRule, SecurityGroupIngressRule and aws-native SecurityGroupIngress resources.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => networkFindingsOfKind("violation", args.resources, config.permittedPorts, CLUSTERS),
);
