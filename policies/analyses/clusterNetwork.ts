/**
 * Where a cluster sits on the network, read from either cluster shape, and what the stack shows of
 * that network: the subnets' public addressing and routes, and the security groups' ingress from
 * every resource that can write it.
 */
import { PolicyResource } from "@pulumi/policy";
import { coversEveryAddress, isObject, listed, providerInteger, quote, shown } from "../model";
import {
    INTERNET_GATEWAY_TYPES,
    MAIN_ROUTE_TABLE_ASSOCIATION,
    NATIVE_SECURITY_GROUP_INGRESS,
    PREFIX_LIST_ENTRY,
    PREFIX_LIST_TYPES,
    ROUTE_TABLE_ASSOCIATION_TYPES,
    ROUTE_TABLE_TYPES,
    ROUTE_TYPES,
    SECURITY_GROUP_INGRESS_RULE,
    SECURITY_GROUP_RULE,
    VPC_TYPES,
} from "../resources";
import { asList } from "./policyDocuments";
import { StackView } from "./stackView";

export interface SecurityGroupUse {
    id: string;
    /** What the cluster uses it as, for messages. */
    as: string;
}

export interface ClusterNetwork {
    subnets: string[];
    securityGroups: SecurityGroupUse[];
    /** The EC2 key pair that opens SSH to the nodes, if any. */
    keyName?: string;
}

/** Ids given as one string, a comma-separated string (aws classic's additional groups) or a list. */
export function idList(value: unknown): string[] {
    const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
    return items
        .filter((v): v is string => typeof v === "string")
        .map((v) => v.trim())
        .filter((v) => v !== "");
}

const GROUP_ROLES: [string, string][] = [
    ["emrManagedMasterSecurityGroup", "the primary node's managed security group"],
    ["emrManagedSlaveSecurityGroup", "the core and task nodes' managed security group"],
    ["serviceAccessSecurityGroup", "the service-access security group"],
    ["additionalMasterSecurityGroups", "an additional security group of the primary node"],
    ["additionalSlaveSecurityGroups", "an additional security group of the core and task nodes"],
];

/** The subnets, security groups and key pair of a cluster: `ec2Attributes` (aws classic) or `instances` (aws-native). */
export function clusterNetworkOf(type: string, props: Record<string, unknown>): ClusterNetwork {
    const native = type === "aws-native:emr:Cluster";
    const holder = native ? props.instances : props.ec2Attributes;
    const attributes = isObject(holder) ? holder : {};
    const subnets = native
        ? [...idList(attributes.ec2SubnetId), ...idList(attributes.ec2SubnetIds)]
        : [...idList(attributes.subnetId), ...idList(attributes.subnetIds)];
    const securityGroups = GROUP_ROLES.flatMap(([key, as]) => idList(attributes[key]).map((id) => ({ id, as })));
    const keyName = native ? attributes.ec2KeyName : attributes.keyName;
    return {
        subnets: [...new Set(subnets)],
        securityGroups,
        keyName: typeof keyName === "string" && keyName.trim() !== "" ? keyName : undefined,
    };
}

/** A CIDR block that covers every address: any prefix of length 0 (`0.0.0.0/0`, `::/0`, `10.0.0.0/0`). */
export function isWorld(cidr: unknown): boolean {
    return typeof cidr === "string" && /\/0+$/.test(cidr.trim());
}

export interface Ingress {
    /** Every CIDR the rule admits, prefix lists of the stack resolved. */
    sources: string[];
    /** The sources open to the world, as written. */
    world: string[];
    protocol: string;
    fromPort: unknown;
    toPort: unknown;
    /** Where the rule is written, for messages. */
    where: string;
    resource: string;
}

function ingress(sources: unknown[], protocol: unknown, fromPort: unknown, toPort: unknown, where: string, resource: string): Ingress {
    return {
        sources: sources.filter((c): c is string => typeof c === "string"),
        world: sources.filter(isWorld).map(String),
        protocol: String(protocol ?? "-1").toLowerCase(),
        // As the provider sends them: "22" is port 22.
        fromPort: providerInteger(fromPort) ?? fromPort,
        toPort: providerInteger(toPort) ?? toPort,
        where,
        resource,
    };
}

/** The CIDRs of the stack's managed prefix lists with these ids (their inline entries and separate entry resources). */
function prefixListCidrs(stack: StackView, ids: unknown[]): string[] {
    const cidrs: string[] = [];
    for (const id of ids.filter((i): i is string => typeof i === "string" && i !== "")) {
        const list = stack.ec2Resource(PREFIX_LIST_TYPES, id);
        for (const entry of asList(list?.props.entries)) {
            if (isObject(entry) && typeof entry.cidr === "string") {
                cidrs.push(entry.cidr);
            }
        }
        for (const entry of stack.where([PREFIX_LIST_ENTRY], "prefix-list-entry", (e) => [e.props.prefixListId], id)) {
            if (typeof entry.props.cidr === "string") {
                cidrs.push(entry.props.cidr);
            }
        }
    }
    return cidrs;
}

/** Every ingress rule the stack writes for a group: inline on the group and as separate rule resources. */
export function ingressOf(stack: StackView, groupId: string, group: PolicyResource | undefined): Ingress[] {
    const rules: Ingress[] = [];
    if (group) {
        const native = group.type === "aws-native:ec2:SecurityGroup";
        const inline = native ? group.props.securityGroupIngress : group.props.ingress;
        asList(inline).forEach((rule, i) => {
            if (!isObject(rule)) {
                return;
            }
            const sources = native
                ? [rule.cidrIp, rule.cidrIpv6, ...prefixListCidrs(stack, [rule.sourcePrefixListId])]
                : [...asList(rule.cidrBlocks), ...asList(rule.ipv6CidrBlocks), ...prefixListCidrs(stack, asList(rule.prefixListIds))];
            const protocol = native ? rule.ipProtocol : rule.protocol;
            rules.push(ingress(sources, protocol, rule.fromPort, rule.toPort, `its inline ingress rule ${i + 1}`, group.urn));
        });
    }
    for (const rule of stack.where([SECURITY_GROUP_RULE], "sg-rule", (r) => [r.props.securityGroupId], groupId)) {
        if (rule.props.type === "ingress") {
            const p = rule.props;
            const sources = [...asList(p.cidrBlocks), ...asList(p.ipv6CidrBlocks), ...prefixListCidrs(stack, asList(p.prefixListIds))];
            rules.push(ingress(sources, p.protocol, p.fromPort, p.toPort, `the SecurityGroupRule ${rule.name}`, rule.urn));
        }
    }
    for (const rule of stack.where([SECURITY_GROUP_INGRESS_RULE], "sg-ingress", (r) => [r.props.securityGroupId], groupId)) {
        const p = rule.props;
        rules.push(
            ingress(
                [p.cidrIpv4, p.cidrIpv6, ...prefixListCidrs(stack, [p.prefixListId])],
                p.ipProtocol,
                p.fromPort,
                p.toPort,
                `the SecurityGroupIngressRule ${rule.name}`,
                rule.urn,
            ),
        );
    }
    for (const rule of stack.where([NATIVE_SECURITY_GROUP_INGRESS], "native-sg-ingress", (r) => [r.props.groupId], groupId)) {
        const p = rule.props;
        rules.push(
            ingress(
                [p.cidrIp, p.cidrIpv6, ...prefixListCidrs(stack, [p.sourcePrefixListId])],
                p.ipProtocol,
                p.fromPort,
                p.toPort,
                `the SecurityGroupIngress ${rule.name}`,
                rule.urn,
            ),
        );
    }
    return rules;
}

const PORTED = new Set(["tcp", "udp", "6", "17"]);

/**
 * The ports of a rule that the permitted list does not cover, described; `undefined` when every
 * port it opens is permitted. Only TCP and UDP port ranges can be permitted: all protocols, ICMP
 * or a range that is not two integers is never covered.
 */
export function unpermittedPorts(rule: Ingress, allowed: ReadonlySet<number>): string | undefined {
    const { protocol, fromPort: from, toPort: to } = rule;
    if (!PORTED.has(protocol)) {
        return protocol === "-1" || protocol === "all" ? "all protocols and ports" : `protocol ${quote(protocol)}`;
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) > (to as number)) {
        return `${protocol} ports ${shown(from)} to ${shown(to)}`;
    }
    const [low, high] = [from as number, to as number];
    // A range wider than the permitted list cannot be covered; this also bounds the loop.
    const covered =
        high - low + 1 <= allowed.size && Array.from({ length: high - low + 1 }, (_, i) => low + i).every((p) => allowed.has(p));
    if (covered) {
        return undefined;
    }
    return low === high ? `${protocol} port ${low}` : `${protocol} ports ${low}-${high}`;
}

export interface WorldRoute {
    destination: string;
    gateway: string;
    resource: string;
}

/**
 * The route tables that govern a subnet, as ids: its explicit association, else its VPC's main
 * table. `undefined` when the stack does not show which table that is.
 */
function routeTablesOf(stack: StackView, subnetId: string, subnet: PolicyResource): string[] | undefined {
    const associated = stack
        .where(ROUTE_TABLE_ASSOCIATION_TYPES, "rt-association", (a) => [a.props.subnetId], subnetId)
        .map((a) => a.props.routeTableId)
        .filter((id): id is string => typeof id === "string");
    if (associated.length > 0) {
        return associated;
    }
    const vpcId = subnet.props.vpcId;
    if (typeof vpcId !== "string") {
        return undefined;
    }
    const [main] = stack.where([MAIN_ROUTE_TABLE_ASSOCIATION], "main-rt", (a) => [a.props.vpcId], vpcId);
    if (main && typeof main.props.routeTableId === "string") {
        return [main.props.routeTableId];
    }
    const vpc = stack.ec2Resource(VPC_TYPES, vpcId);
    const mainTable = vpc?.props.mainRouteTableId ?? vpc?.props.defaultRouteTableId;
    return typeof mainTable === "string" ? [mainTable] : undefined;
}

/** Whether a gateway id names an internet gateway: `igw-...`, or an internet gateway of the stack. */
function isInternetGateway(stack: StackView, gateway: unknown): gateway is string {
    return typeof gateway === "string" && (gateway.startsWith("igw-") || stack.ec2Resource(INTERNET_GATEWAY_TYPES, gateway) !== undefined);
}

/**
 * The routes of a table that send every address to an internet gateway, or `undefined` when the
 * table is not in the stack. Read once per analysis: many subnets may share one table.
 */
function worldRoutesOf(stack: StackView, tableId: string): WorldRoute[] | undefined {
    return stack.memo(`world-routes:${tableId}`, () => readWorldRoutes(stack, tableId));
}

function readWorldRoutes(stack: StackView, tableId: string): WorldRoute[] | undefined {
    const table = stack.ec2Resource(ROUTE_TABLE_TYPES, tableId);
    const vpcMain = stack.where(VPC_TYPES, "vpc-main-rt", (v) => [v.props.mainRouteTableId, v.props.defaultRouteTableId], tableId);
    if (!table && vpcMain.length === 0) {
        return undefined;
    }
    // Every route to an internet gateway, then the ones that admit every address alone or together
    // (0.0.0.0/1 beside 128.0.0.0/1 routes the whole Internet as 0.0.0.0/0 does).
    const toGateway: WorldRoute[] = [];
    for (const route of asList(table?.props.routes)) {
        if (isObject(route)) {
            for (const destination of [route.cidrBlock, route.ipv6CidrBlock]) {
                if (typeof destination === "string" && isInternetGateway(stack, route.gatewayId)) {
                    toGateway.push({ destination, gateway: route.gatewayId, resource: table!.urn });
                }
            }
        }
    }
    for (const route of stack.where(ROUTE_TYPES, "route-by-table", (r) => [r.props.routeTableId], tableId)) {
        for (const destination of [route.props.destinationCidrBlock, route.props.destinationIpv6CidrBlock]) {
            if (typeof destination === "string" && isInternetGateway(stack, route.props.gatewayId)) {
                toGateway.push({ destination, gateway: route.props.gatewayId, resource: route.urn });
            }
        }
    }
    const world = toGateway.filter((r) => isWorld(r.destination));
    if (world.length > 0 || !coversEveryAddress(toGateway.map((r) => r.destination))) {
        return world;
    }
    return [{ ...toGateway[0], destination: listed([...new Set(toGateway.map((r) => r.destination))], " and ", 4) }];
}

/**
 * The routes that send every address (`0.0.0.0/0`, `::/0`) from a subnet to an internet gateway,
 * or `undefined` when the stack does not show the subnet's route table. An egress-only internet
 * gateway (`eigw-`) lets nothing in, so it is not one.
 */
export function routesToInternet(stack: StackView, subnetId: string, subnet: PolicyResource): WorldRoute[] | undefined {
    const tables = routeTablesOf(stack, subnetId, subnet);
    if (!tables) {
        return undefined;
    }
    const found: WorldRoute[] = [];
    for (const tableId of tables) {
        const routes = worldRoutesOf(stack, tableId);
        if (!routes) {
            return undefined;
        }
        routes.forEach((route) => found.push(route));
    }
    return found;
}
