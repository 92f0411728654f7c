/**
 * The application classifications an EMR cluster carries, read from every place a Pulumi user can
 * write them (policies/reference/emr.md §5.1): `configurationsJson` and
 * `configurations` of `aws.emr.Cluster`, its instance fleets, and the typed `configurations` of
 * `aws-native:emr:Cluster` with its instance groups and fleets. Each setting keeps its location,
 * because a group's setting wins for that group's nodes.
 */
import { isObject } from "./access";
import { DecodedConfiguration, decodeConfigurations, parseKeepingMembers } from "./goJson";

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

/** One configuration, whichever shape carried it: the provider's decoding, or a typed Pulumi object. */
interface Configuration {
    classification?: string;
    properties: Iterable<[string, unknown]>;
    configurations: unknown;
}

/**
 * The settings under a list of configurations. A top-level classification is applied by EMR; a
 * nested one only as part of its parent (`hadoop-env/export` is hadoop-env's environment), so it is
 * recorded under its parent's name and never taken for a top-level classification. Property names
 * are trimmed, as Hadoop and Spark trim them when they read the files EMR writes.
 */
function settingsOf(
    list: unknown,
    read: (value: unknown) => Configuration | undefined,
    location: string,
    out: ClusterConfigurations,
): void {
    const stack: { value: unknown; depth: number; parent?: string }[] = [{ value: list, depth: 0 }];
    while (stack.length > 0) {
        const { value, depth, parent } = stack.pop()!;
        if (depth > MAX_DEPTH || !Array.isArray(value)) {
            continue;
        }
        for (const item of value) {
            const configuration = read(item);
            if (!configuration) {
                continue;
            }
            const own = configuration.classification ?? "";
            const classification = parent === undefined ? own : `${parent}/${own}`;
            for (const [key, raw] of configuration.properties) {
                const name = key.trim();
                const property = name.startsWith(SECRET_PREFIX) ? name.slice(SECRET_PREFIX.length) : name;
                out.settings.push({ location, classification, property, value: typeof raw === "string" ? raw : String(raw) });
            }
            stack.push({ value: configuration.configurations, depth: depth + 1, parent: classification });
        }
    }
}

/** A configuration as the provider decoded it from JSON text. */
const decoded = (value: unknown): Configuration | undefined => value as DecodedConfiguration;

/** A typed configuration object, with the names its provider's schema gives its fields. */
function typed(names: { properties: string }) {
    return (value: unknown): Configuration | undefined => {
        if (!isObject(value)) {
            return undefined;
        }
        const properties = value[names.properties];
        return {
            classification: typeof value.classification === "string" ? value.classification : undefined,
            properties: isObject(properties) ? Object.entries(properties) : [],
            configurations: value.configurations,
        };
    };
}
/** `aws.emr` fleets: `{ classification, properties }`. */
const awsTyped = typed({ properties: "properties" });
/** `aws-native:emr`: CloudFormation's `{ classification, configurationProperties, configurations }`. */
const nativeTyped = typed({ properties: "configurationProperties" });

/**
 * `configurations_json`, read as `json.Unmarshal` reads it (the whole text must be one value), or
 * an inline `configurations` string, read as a `json.Decoder` reads its first value, the rest of
 * the text unread and a failure only logged by the provider, which then sends none.
 */
function parseList(text: string, location: string, out: ClusterConfigurations, as: "unmarshal" | "decoder"): void {
    const parsed = parseKeepingMembers(text, as === "decoder");
    if (parsed.error !== undefined || parsed.value === undefined) {
        out.unreadable.push({
            location,
            reason:
                as === "decoder"
                    ? `the configurations are not JSON (${parsed.error}); the provider logs this and sends no configurations. Correct them`
                    : `the configurations are not JSON (${parsed.error}); the provider refuses them and the deployment fails. Correct them`,
        });
        return;
    }
    const { configurations, error } = decodeConfigurations(parsed.value);
    if (error !== undefined) {
        out.unreadable.push({
            location,
            reason: `the provider cannot decode the configurations (${error})${as === "decoder" ? " and sends none" : ", refuses them and the deployment fails"}. Correct them`,
        });
        return;
    }
    settingsOf(configurations, decoded, location, out);
}

function fleetSettings(
    fleet: unknown,
    location: string,
    out: ClusterConfigurations,
    read: (value: unknown) => Configuration | undefined,
): void {
    const types = isObject(fleet) ? fleet.instanceTypeConfigs : undefined;
    if (Array.isArray(types)) {
        types.forEach((t: unknown, i) =>
            settingsOf(isObject(t) ? t.configurations : undefined, read, `${location}, instance type ${i}`, out),
        );
    }
}

/** Every application setting of a cluster resource, with where it stands. */
export function clusterConfigurations(type: string, props: Record<string, unknown>): ClusterConfigurations {
    const out: ClusterConfigurations = { settings: [], unreadable: [] };
    if (type === "aws:emr/cluster:Cluster") {
        if (typeof props.configurationsJson === "string") {
            parseList(props.configurationsJson, "cluster", out, "unmarshal");
        }
        const configurations = props.configurations;
        if (typeof configurations === "string") {
            if (/^http/i.test(configurations.trim()) || /\.json$/i.test(configurations.trim())) {
                out.unreadable.push({
                    location: "cluster",
                    reason: "configurations names a URL or file that the provider reads at deploy time, so its classifications cannot be inspected. Whether they undo the security configuration is unknown; give them as configurationsJson",
                });
            } else {
                parseList(configurations, "cluster", out, "decoder");
            }
        }
        fleetSettings(props.masterInstanceFleet, "master instance fleet", out, awsTyped);
        fleetSettings(props.coreInstanceFleet, "core instance fleet", out, awsTyped);
    } else if (type === "aws-native:emr:Cluster") {
        settingsOf(props.configurations, nativeTyped, "cluster", out);
        const instances = isObject(props.instances) ? props.instances : {};
        for (const [key, label] of [
            ["masterInstanceGroup", "master instance group"],
            ["coreInstanceGroup", "core instance group"],
        ] as const) {
            settingsOf(isObject(instances[key]) ? instances[key].configurations : undefined, nativeTyped, label, out);
        }
        const tasks = instances.taskInstanceGroups;
        if (Array.isArray(tasks)) {
            tasks.forEach((g: unknown, i) =>
                settingsOf(isObject(g) ? g.configurations : undefined, nativeTyped, `task instance group ${i}`, out),
            );
        }
        fleetSettings(instances.masterInstanceFleet, "master instance fleet", out, nativeTyped);
        fleetSettings(instances.coreInstanceFleet, "core instance fleet", out, nativeTyped);
        const taskFleets = instances.taskInstanceFleets;
        if (Array.isArray(taskFleets)) {
            taskFleets.forEach((f: unknown, i) => fleetSettings(f, `task instance fleet ${i}`, out, nativeTyped));
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
        parseList(props.configurationsJson, `instance group ${name}`, out, "unmarshal");
    } else if (type === "aws:emr/instanceFleet:InstanceFleet") {
        fleetSettings(props, `instance fleet ${name}`, out, awsTyped);
    }
    return out;
}

/**
 * The runtime configurations of an EMR Serverless application: `runtimeConfigurations` (aws) or
 * `runtimeConfiguration` (aws-native, after CloudFormation), each `{ classification, properties }`.
 */
export function serverlessConfigurations(type: string, props: Record<string, unknown>): ClusterConfigurations {
    const out: ClusterConfigurations = { settings: [], unreadable: [] };
    const list = type === "aws-native:emrserverless:Application" ? props.runtimeConfiguration : props.runtimeConfigurations;
    settingsOf(list, awsTyped, "application", out);
    return out;
}

/**
 * The application configurations of an EMR on EKS job template (`aws.emrcontainers.JobTemplate`):
 * `jobTemplateData.configurationOverrides.applicationConfigurations`, each `{ classification, properties }`.
 */
export function jobTemplateConfigurations(props: Record<string, unknown>): ClusterConfigurations {
    const out: ClusterConfigurations = { settings: [], unreadable: [] };
    const data = isObject(props.jobTemplateData) ? props.jobTemplateData : {};
    const overrides = isObject(data.configurationOverrides) ? data.configurationOverrides : {};
    settingsOf(overrides.applicationConfigurations, awsTyped, "job template", out);
    return out;
}
