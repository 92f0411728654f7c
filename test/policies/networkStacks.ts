/** The VPC pieces the network-isolation tests build stacks from: one private subnet, its route table and groups. */
import { PolicyResource } from "../../policies/evaluate";
import { findings, resource as r } from "./helpers";

/** The start of the EC2 ARNs the builders give, for resources a test adds. */
export const ARN = "arn:aws:ec2:us-east-1:111122223333";
export const vpc = (props: Record<string, unknown> = {}) =>
    r("aws:ec2/vpc:Vpc", "vpc", { arn: `${ARN}:vpc/vpc-1`, cidrBlock: "10.0.0.0/16", mainRouteTableId: "rtb-main", ...props });
export const subnet = (props: Record<string, unknown> = {}) =>
    r("aws:ec2/subnet:Subnet", "private", { arn: `${ARN}:subnet/subnet-1`, vpcId: "vpc-1", mapPublicIpOnLaunch: false, ...props });
export const routeTable = (routes: unknown[] = [{ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" }]) =>
    r("aws:ec2/routeTable:RouteTable", "private", { arn: `${ARN}:route-table/rtb-1`, vpcId: "vpc-1", routes });
export const association = r("aws:ec2/routeTableAssociation:RouteTableAssociation", "private", {
    subnetId: "subnet-1",
    routeTableId: "rtb-1",
});
export const group = (id: string, ingress: unknown[] = []) =>
    r("aws:ec2/securityGroup:SecurityGroup", id, { arn: `${ARN}:security-group/${id}`, vpcId: "vpc-1", ingress });

/** The stack with the resource of the same type and name replaced, or added. */
export function replaced(resources: PolicyResource[], ...changes: PolicyResource[]): PolicyResource[] {
    const key = (x: PolicyResource) => `${x.type}/${x.name}`;
    const byKey = new Map(resources.map((x) => [key(x), x]));
    changes.forEach((c) => byKey.set(key(c), c));
    return [...byKey.values()];
}

type Rule = Parameters<typeof findings>[0];
/** A stack rule's findings as "resource name: message". */
export async function said(rule: Rule, resources: PolicyResource[], config?: Record<string, unknown>): Promise<string[]> {
    const found = await findings(rule, resources, { config: config && { [rule.name]: config } });
    return found.map((f) => `${f.resource?.split("::").pop()}: ${f.message}`);
}
/** An inline ingress rule admitting one CIDR. */
export const open = (cidr: string, fromPort = 22, toPort = fromPort, protocol = "tcp") => ({
    cidrBlocks: [cidr],
    fromPort,
    toPort,
    protocol,
});
