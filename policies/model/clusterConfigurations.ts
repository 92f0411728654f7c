/**
 * The application classifications an EMR cluster carries, read from every place a Pulumi user can
 * write them (reference: emr-cluster-configurations.md, section 1): `configurationsJson` and
 * `configurations` of `aws.emr.Cluster`, its instance fleets, and the typed `configurations` of
 * `aws-native:emr:Cluster` with its instance groups and fleets. Each setting keeps its location,
 * because a group's setting wins for that group's nodes.
 */
import { isObject } from "./access";

export interface ApplicationSetting {
    /** `cluster`, `master instance group`, `core instance fleet, instance type 0`... */
    location: string;
    classification: string;
    property: string;
    /** The value as the cluster receives it: a string (`Properties` values are strings). */
    value: string;
}

export interface ClusterConfigurations {
    settings: ApplicationSetting[];
    /** Configurations that cannot be read here (a URL or file the provider fetches, text that is not JSON). */
    unreadable: { location: string; reason: string }[];
}

/** EMR marks a property whose value is a Secrets Manager ARN with this key prefix, and strips it. */
const SECRET_PREFIX = "EMR.secret@";
/** Nesting deeper than EMR's own (`*-env` with `export`) is not read further. */
const MAX_DEPTH = 8;

/** The settings in a list of configuration objects, PascalCase (API) or camelCase (Pulumi) alike. */
function settingsOf(list: unknown, location: string, out: ClusterConfigurations): void {
    const stack: { value: unknown; depth: number; parent?: string }[] = [{ value: list, depth: 0 }];
    while (stack.length > 0) {
        const { value, depth, parent } = stack.pop()!;
        if (depth > MAX_DEPTH) {
            continue;
        }
        if (Array.isArray(value)) {
            for (let i = value.length - 1; i >= 0; i--) {
                stack.push({ value: value[i], depth: depth + 1, parent });
            }
            continue;
        }
        if (!isObject(value)) {
            continue;
        }
        const named = value.Classification ?? value.classification;
        const classification = typeof named === "string" ? named : (parent ?? "");
        const properties = value.Properties ?? value.properties ?? value.configurationProperties ?? value.ConfigurationProperties;
        if (isObject(properties)) {
            for (const [key, raw] of Object.entries(properties)) {
                const property = key.startsWith(SECRET_PREFIX) ? key.slice(SECRET_PREFIX.length) : key;
                out.settings.push({ location, classification, property, value: typeof raw === "string" ? raw : String(raw) });
            }
        }
        const nested = value.Configurations ?? value.configurations;
        if (nested !== undefined) {
            // A nested `export` is the environment of its `*-env` parent, not Hadoop properties.
            stack.push({
                value: nested,
                depth: depth + 1,
                parent: classification.endsWith("-env") ? `${classification}/export` : classification,
            });
        }
    }
}

function parseList(text: string, location: string, out: ClusterConfigurations): void {
    try {
        settingsOf(JSON.parse(text), location, out);
    } catch (e) {
        out.unreadable.push({ location, reason: `the configurations are not JSON (${(e as Error).message.slice(0, 80)})` });
    }
}

function fleetSettings(fleet: unknown, location: string, out: ClusterConfigurations): void {
    const types = isObject(fleet) ? fleet.instanceTypeConfigs : undefined;
    if (Array.isArray(types)) {
        types.forEach((t: unknown, i) => settingsOf(isObject(t) ? t.configurations : undefined, `${location}, instance type ${i}`, out));
    }
}

/** Every application setting of a cluster resource, with where it stands. */
export function clusterConfigurations(type: string, props: Record<string, unknown>): ClusterConfigurations {
    const out: ClusterConfigurations = { settings: [], unreadable: [] };
    if (type === "aws:emr/cluster:Cluster") {
        if (typeof props.configurationsJson === "string") {
            parseList(props.configurationsJson, "cluster", out);
        }
        const configurations = props.configurations;
        if (typeof configurations === "string") {
            if (/^http/i.test(configurations.trim()) || /\.json$/i.test(configurations.trim())) {
                out.unreadable.push({
                    location: "cluster",
                    reason: "configurations names a URL or file that the provider reads at deploy time, so its classifications cannot be inspected",
                });
            } else {
                parseList(configurations, "cluster", out);
            }
        }
        fleetSettings(props.masterInstanceFleet, "master instance fleet", out);
        fleetSettings(props.coreInstanceFleet, "core instance fleet", out);
    } else if (type === "aws-native:emr:Cluster") {
        settingsOf(props.configurations, "cluster", out);
        const instances = isObject(props.instances) ? props.instances : {};
        for (const [key, label] of [
            ["masterInstanceGroup", "master instance group"],
            ["coreInstanceGroup", "core instance group"],
        ] as const) {
            settingsOf(isObject(instances[key]) ? instances[key].configurations : undefined, label, out);
        }
        const tasks = instances.taskInstanceGroups;
        if (Array.isArray(tasks)) {
            tasks.forEach((g: unknown, i) => settingsOf(isObject(g) ? g.configurations : undefined, `task instance group ${i}`, out));
        }
        fleetSettings(instances.masterInstanceFleet, "master instance fleet", out);
        fleetSettings(instances.coreInstanceFleet, "core instance fleet", out);
        const taskFleets = instances.taskInstanceFleets;
        if (Array.isArray(taskFleets)) {
            taskFleets.forEach((f: unknown, i) => fleetSettings(f, `task instance fleet ${i}`, out));
        }
    }
    return out;
}

/** Instance groups and fleets created as resources of their own, attached to a cluster by `clusterId`. */
export const ATTACHED_TYPES = ["aws:emr/instanceGroup:InstanceGroup", "aws:emr/instanceFleet:InstanceFleet"];

/** The settings of an instance group or fleet resource (`aws.emr.InstanceGroup`, `aws.emr.InstanceFleet`). */
export function attachedConfigurations(type: string, name: string, props: Record<string, unknown>): ClusterConfigurations {
    const out: ClusterConfigurations = { settings: [], unreadable: [] };
    if (type === "aws:emr/instanceGroup:InstanceGroup" && typeof props.configurationsJson === "string") {
        parseList(props.configurationsJson, `instance group ${name}`, out);
    } else if (type === "aws:emr/instanceFleet:InstanceFleet") {
        fleetSettings(props, `instance fleet ${name}`, out);
    }
    return out;
}
