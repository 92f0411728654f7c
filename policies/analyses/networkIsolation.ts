/**
 * What each network-isolation rule and its review rule share: one pass over the stack's resources
 * of one kind (clusters, Serverless applications, Studios) that sorts what it finds into violations
 * (a public path the stack shows) and what it cannot verify (a subnet, route table or security
 * group outside the stack), so neither rule ever passes what the other could not see.
 */
import { PolicyResource } from "@pulumi/policy";
import { coversEveryAddress, listed, providerBoolean, quote } from "../model";
import { SECURITY_GROUP_TYPES, SUBNET_TYPES } from "../resources";
import { Ingress, ingressOf, routesToInternet, unpermittedPorts } from "./clusterNetwork";
import { NetworkedKind } from "./networkedKinds";
import { option, ruleOptions } from "./ruleOptions";
import { StackView } from "./stackView";

export interface NetworkFinding {
    kind: "violation" | "unverified";
    resource: string;
    message: string;
}

function subnetOutside(kind: NetworkedKind, holder: PolicyResource, subnetId: string): NetworkFinding {
    return {
        kind: "unverified",
        resource: holder.urn,
        message: `The ${kind.noun}'s subnet ${quote(subnetId)} is not in this stack, so whether it assigns public IPs or routes to an internet gateway cannot be verified. Check it, or manage the subnet in the stack.`,
    };
}

/** What the stack shows of a subnet it holds; nothing in it depends on the resource in it. */
function subnetFindings(kind: NetworkedKind, stack: StackView, subnetId: string, subnet: PolicyResource): NetworkFinding[] {
    const id = quote(subnetId);
    const found: NetworkFinding[] = [];
    if (providerBoolean(subnet.props.mapPublicIpOnLaunch) === true) {
        found.push({
            kind: "violation",
            resource: subnet.urn,
            message: `The ${kind.noun}'s subnet ${id} gives every instance a public IP (mapPublicIpOnLaunch is true), ${kind.publicIpExposure}. Use a private subnet: set mapPublicIpOnLaunch to false.`,
        });
    }
    const routes = routesToInternet(stack, subnetId, subnet);
    if (!routes) {
        found.push({
            kind: "unverified",
            resource: subnet.urn,
            message: `The route table of the ${kind.noun}'s subnet ${id} is not in this stack (no association to a table of the stack, nor a main table of a VPC of the stack), so its routes cannot be verified. Manage the route table in the stack.`,
        });
    }
    for (const route of routes ?? []) {
        found.push({
            kind: "violation",
            resource: route.resource,
            message: `The ${kind.noun}'s subnet ${id} routes ${quote(route.destination)} to the internet gateway ${quote(route.gateway)}, so it is a public subnet. Put the ${kind.noun} in a private subnet: route outbound traffic through a NAT gateway or VPC endpoints.`,
        });
    }
    return found;
}

function groupOutside(kind: NetworkedKind, holder: PolicyResource, groupId: string, as: string): NetworkFinding {
    return {
        kind: "unverified",
        resource: holder.urn,
        message: `The ${kind.noun}'s ${as.replace(/^(the|an) /, "")} ${quote(groupId)} is not in this stack, so its inline rules cannot be verified; rules of the stack that target it are still checked. Check it, or manage the group in the stack.`,
    };
}

interface OpenRule {
    rule: Ingress;
    /** The ports it opens to the world that the config does not permit. */
    ports: string;
}

/** Whether `wider` admits on every protocol and port that `rule` admits on. */
function admitsAll(wider: Ingress, rule: Ingress): boolean {
    if (wider.protocol === "-1" || wider.protocol === "all") {
        return true;
    }
    const [from, to, wideFrom, wideTo] = [rule.fromPort, rule.toPort, wider.fromPort, wider.toPort];
    return (
        wider.protocol === rule.protocol &&
        [from, to, wideFrom, wideTo].every(Number.isInteger) &&
        (wideFrom as number) <= (from as number) &&
        (wideTo as number) >= (to as number)
    );
}

/** Beyond this many distinct protocol and port ranges in one group, only rules of the same range are combined. */
const MAX_RANGES = 1000;

/**
 * The ingress rules of a group that open unpermitted ports to the world: a rule whose own sources
 * admit every address, or whose sources together with those of the group's rules that admit at
 * least its ports do (0.0.0.0/1 beside 128.0.0.0/1; a prefix list holding 0.0.0.0/0).
 */
function openRules(stack: StackView, groupId: string, group: PolicyResource | undefined, permitted: ReadonlySet<number>): OpenRule[] {
    const rules = ingressOf(stack, groupId, group);
    const combined = coversEveryAddress(rules.flatMap((r) => r.sources));
    // Rules of one protocol and range share their union: computed once per range.
    const byRange = new Map<string, Ingress[]>();
    for (const rule of rules) {
        const range = `${rule.protocol} ${String(rule.fromPort)} ${String(rule.toPort)}`;
        const same = byRange.get(range) ?? [];
        same.push(rule);
        byRange.set(range, same);
    }
    const unions = new Map<string, string[]>();
    const unionFor = (range: string, rule: Ingress): string[] => {
        let union = unions.get(range);
        if (union === undefined) {
            const wider = byRange.size <= MAX_RANGES ? rules.filter((other) => admitsAll(other, rule)) : byRange.get(range)!;
            union = [...new Set(wider.flatMap((r) => r.sources))];
            unions.set(range, coversEveryAddress(union) ? union : []);
            union = unions.get(range)!;
        }
        return union;
    };
    const open: OpenRule[] = [];
    for (const rule of rules) {
        const world =
            rule.world.length > 0
                ? rule.world
                : combined && rule.sources.length > 0
                  ? unionFor(`${rule.protocol} ${String(rule.fromPort)} ${String(rule.toPort)}`, rule)
                  : [];
        const ports = world.length > 0 ? unpermittedPorts(rule, permitted) : undefined;
        if (ports) {
            open.push({ rule: { ...rule, world }, ports });
        }
    }
    return open;
}

function groupFindings(kind: NetworkedKind, groupId: string, as: string, open: OpenRule[]): NetworkFinding[] {
    const named = `${as.charAt(0).toUpperCase()}${as.slice(1)} ${quote(groupId)}`;
    return open.map(({ rule, ports }) => ({
        kind: "violation",
        resource: rule.resource,
        message: `${named} admits ${listed([...new Set(rule.world)].map(quote), " and ", 3)} on ${ports} (${rule.where}). Allow only the networks that need the ${kind.noun}, or list the port in permittedPorts.`,
    }));
}

type Result = NetworkFinding[] | { notApplicable: string };

/** Every network finding for the stack's resources of one kind, violations and unverified alike: a rule and its review share one pass. */
export function networkFindings(resources: PolicyResource[], permittedPorts: number[], kind: NetworkedKind): Result {
    const stack = StackView.of(resources);
    return stack.memo(`network-isolation:${kind.key}:${permittedPorts.join(",")}`, () => findAll(stack, permittedPorts, kind));
}

function findAll(stack: StackView, permittedPorts: number[], kind: NetworkedKind): Result {
    const holders = stack.ofTypes(kind.types);
    if (holders.length === 0) {
        return { notApplicable: kind.notApplicable };
    }
    const found: NetworkFinding[] = [];
    // A subnet or group shared by many resources is judged once: its findings do not depend on them.
    const judged = new Set<string>();
    const once = (key: string, judge: () => NetworkFinding[]) => {
        if (!judged.has(key)) {
            judged.add(key);
            judge().forEach((f) => found.push(f));
        }
    };
    const open = new Map<string, OpenRule[]>();
    const permitted = new Set(permittedPorts);
    for (const holder of holders) {
        const network = kind.networkOf(holder);
        if (network.subnets.length === 0) {
            found.push({ kind: "violation", resource: holder.urn, message: kind.noSubnet });
        }
        for (const subnetId of network.subnets) {
            const subnet = stack.ec2Resource(SUBNET_TYPES, subnetId);
            if (subnet) {
                once(`subnet\n${subnetId}`, () => subnetFindings(kind, stack, subnetId, subnet));
            } else {
                found.push(subnetOutside(kind, holder, subnetId));
            }
        }
        if (network.securityGroups.length === 0 && (network.subnets.length > 0 || kind.vpcWithoutSubnet)) {
            found.push({ kind: "unverified", resource: holder.urn, message: kind.noGroups });
        }
        // One group may serve several roles: judged once, named by all of them.
        const roles = new Map<string, Set<string>>();
        for (const { id, as } of network.securityGroups) {
            const known = roles.get(id);
            if (known) {
                known.add(as);
            } else {
                roles.set(id, new Set([as]));
            }
        }
        for (const [id, roleSet] of roles) {
            const as = [...roleSet].join(" and ");
            const group = stack.ec2Resource(SECURITY_GROUP_TYPES, id);
            if (!group) {
                found.push(groupOutside(kind, holder, id, as));
            }
            once(`group\n${id}\n${as}`, () => {
                const rules = open.get(id) ?? openRules(stack, id, group, permitted);
                open.set(id, rules);
                return groupFindings(kind, id, as, rules);
            });
        }
    }
    return found;
}

/** The findings of one level for one kind of resource, as a stack rule reports them. */
export function networkFindingsOfKind(
    level: NetworkFinding["kind"],
    resources: PolicyResource[],
    permittedPorts: number[],
    kind: NetworkedKind,
): Result {
    const found = networkFindings(resources, permittedPorts, kind);
    return Array.isArray(found) ? found.filter((f) => f.kind === level) : found;
}

/** The option of each network-isolation rule: the ports its kind's security groups may open to the world. */
export function permittedPortsOptions(kind: NetworkedKind) {
    return ruleOptions({
        permittedPorts: option<number[]>({
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: [],
            description: `TCP and UDP ports the ${kind.noun}'s security groups may open to 0.0.0.0/0 and ::/0.`,
        }),
    });
}
