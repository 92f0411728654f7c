/**
 * The EMR resources that run in subnets of a VPC, and how each says which: the network pass judges
 * one kind at a time, so each kind's rules speak of what it is and its fix names its own fields.
 */
import { PolicyResource } from "@pulumi/policy";
import { isObject } from "../model";
import { CLUSTER_TYPES, SERVERLESS_APPLICATION_TYPES, STUDIO_TYPES } from "../resources";
import { ClusterNetwork, clusterNetworkOf, idList } from "./clusterNetwork";

export interface NetworkedKind {
    /** Names the kind's pass among the stack's memos. */
    key: string;
    types: string[];
    /** What a message calls one: "The cluster's subnet". */
    noun: string;
    /** What a subnet that gives public IPs exposes, said after it. */
    publicIpExposure: string;
    networkOf(resource: PolicyResource): ClusterNetwork;
    /** Why naming no subnet is a violation, and the fix. */
    noSubnet: string;
    /** Why naming no security group leaves the stack unable to show the rules, and the fix. */
    noGroups: string;
    /** Whether it still runs in a VPC, under security groups, when it names no subnet: a cluster does, in the default VPC. */
    vpcWithoutSubnet: boolean;
    notApplicable: string;
}

export const CLUSTERS: NetworkedKind = {
    key: "clusters",
    types: CLUSTER_TYPES,
    noun: "cluster",
    publicIpExposure: "so the primary node is reachable from the internet (Security Hub EMR.1)",
    networkOf: (cluster) => clusterNetworkOf(cluster.type, cluster.props),
    noSubnet:
        "The cluster names no subnet, so EMR launches it outside a VPC of your choosing (EC2-Classic, or the default VPC's public subnets). Set the subnet: ec2Attributes.subnetId (aws) or instances.ec2SubnetId (aws-native), to a private subnet.",
    noGroups:
        "The cluster names no security groups, so EMR uses its default groups (ElasticMapReduce-master, ElasticMapReduce-slave), whose rules this stack does not show. Create the managed groups in the stack and name them on the cluster.",
    vpcWithoutSubnet: true,
    notApplicable: "no EMR cluster in this stack",
};

/** Serverless applications name both lists in `networkConfiguration`, in either provider. */
export const SERVERLESS_APPLICATIONS: NetworkedKind = {
    key: "serverless-applications",
    types: SERVERLESS_APPLICATION_TYPES,
    noun: "application",
    publicIpExposure: "so it is a public subnet",
    networkOf: ({ props }) => {
        const network = isObject(props.networkConfiguration) ? props.networkConfiguration : {};
        return {
            subnets: [...new Set(idList(network.subnetIds))],
            securityGroups: idList(network.securityGroupIds).map((id) => ({ id, as: "the worker security group" })),
        };
    },
    noSubnet:
        "The application names no subnet (networkConfiguration.subnetIds), so its workers do not run in a VPC of yours: no subnet, route table or security group of yours limits what they reach. Give it networkConfiguration with private subnets and security groups of the stack.",
    noGroups:
        "The application names no security groups (networkConfiguration.securityGroupIds), so which rules govern its workers' network interfaces is not shown by this stack. Name security groups of the stack.",
    vpcWithoutSubnet: false,
    notApplicable: "no EMR Serverless application in this stack",
};

/** A Studio's Workspaces and engines reach the cluster through its two groups, in its subnets. */
export const STUDIOS: NetworkedKind = {
    key: "studios",
    types: STUDIO_TYPES,
    noun: "Studio",
    publicIpExposure: "so it is a public subnet",
    networkOf: ({ props }) => ({
        subnets: [...new Set(idList(props.subnetIds))],
        securityGroups: [
            ...idList(props.workspaceSecurityGroupId).map((id) => ({ id, as: "the Workspace security group" })),
            ...idList(props.engineSecurityGroupId).map((id) => ({ id, as: "the engine security group" })),
        ],
    }),
    noSubnet: "The Studio names no subnet (subnetIds). Set subnetIds to private subnets of its VPC.",
    noGroups:
        "The Studio names no Workspace or engine security group (workspaceSecurityGroupId, engineSecurityGroupId), so the rules its Workspaces reach clusters through are not shown by this stack. Name security groups of the stack.",
    vpcWithoutSubnet: false,
    notApplicable: "no EMR Studio in this stack",
};
