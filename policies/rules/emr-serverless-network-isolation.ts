import { NETWORK_ACCESS } from "../compliance";
import { stackRule } from "../analyses/kit";
import { SERVERLESS_APPLICATIONS } from "../analyses/networkedKinds";
import { networkFindingsOfKind, permittedPortsOptions } from "../analyses/networkIsolation";

const OPTIONS = permittedPortsOptions(SERVERLESS_APPLICATIONS);

export const emrServerlessNetworkIsolation = stackRule(
    {
        name: "emr-serverless-network-isolation",
        description:
            "EMR Serverless applications run in private subnets of a VPC of yours: no route to an internet gateway, no public IPs on launch, and no security group open to the world.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network"] },
        remediationSteps:
            "Give the application networkConfiguration with subnetIds of private subnets (mapPublicIpOnLaunch false, 0.0.0.0/0 and ::/0 routed to a NAT gateway or nowhere, S3 through a gateway endpoint) and securityGroupIds of groups without ingress from 0.0.0.0/0 or ::/0.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => networkFindingsOfKind("violation", args.resources, config.permittedPorts, SERVERLESS_APPLICATIONS),
);
