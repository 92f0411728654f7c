import { AUTHENTICATION } from "../compliance";
import { isObject, quote } from "../model";
import { CLUSTER_TYPES } from "../resources";
import { clusterNetworkOf } from "../analyses/clusterNetwork";
import { resourceRule } from "../analyses/kit";

export const emrClusterOperationalAccess = resourceRule(
    {
        name: "emr-cluster-operational-access",
        description:
            "Operators reach cluster nodes as themselves: through Kerberos, or SSM Session Manager, rather than an EC2 key pair shared by everyone who holds it.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: { ...AUTHENTICATION, tags: [...AUTHENTICATION.tags, "operational-access"] },
        remediationSteps:
            "Give the cluster kerberosAttributes and a security configuration with Kerberos, so each operator authenticates as a principal; or remove the key pair and reach the nodes through SSM Session Manager, whose sessions IAM authorizes and CloudTrail records.",
    },
    CLUSTER_TYPES,
    {},
    (props, _config, args) => {
        const { keyName } = clusterNetworkOf(args.type, props);
        if (keyName === undefined || isObject(props.kerberosAttributes)) {
            return [];
        }
        return [
            `The cluster opens SSH with the EC2 key pair ${quote(keyName)} and has no Kerberos: anyone holding the private key logs in as hadoop, and nothing ties a session to a person. Use Kerberos (kerberosAttributes), or remove the key pair and use SSM Session Manager.`,
        ];
    },
);
