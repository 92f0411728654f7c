import { NETWORK_ACCESS } from "../compliance";
import { stackRule } from "../analyses/kit";
import { STUDIOS } from "../analyses/networkedKinds";
import { networkFindingsOfKind, permittedPortsOptions } from "../analyses/networkIsolation";

const OPTIONS = permittedPortsOptions(STUDIOS);

export const emrStudioNetworkIsolation = stackRule(
    {
        name: "emr-studio-network-isolation",
        description:
            "EMR Studios place Workspaces in private subnets: no route to an internet gateway, no public IPs on launch, and neither the Workspace nor the engine security group open to the world.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...NETWORK_ACCESS, tags: [...NETWORK_ACCESS.tags, "network"] },
        remediationSteps:
            "Set the Studio's subnetIds to private subnets (mapPublicIpOnLaunch false, 0.0.0.0/0 and ::/0 routed to a NAT gateway or nowhere), and remove ingress from 0.0.0.0/0 and ::/0 on its workspaceSecurityGroupId and engineSecurityGroupId.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => networkFindingsOfKind("violation", args.resources, config.permittedPorts, STUDIOS),
);
