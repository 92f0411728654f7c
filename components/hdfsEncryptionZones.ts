/**
 * HDFS transparent encryption, typed: the `hdfs-encryption-zones` classification EMR reads at
 * cluster creation (each HDFS path an encryption zone, each value the Hadoop KMS key EMR creates for
 * it), plus the Hadoop KMS classifications the options ask for. Facts: policies/reference/emr.md §5.4.
 */
import { listed, Problem, ProblemCode, quote } from "../policies/model";
import { ClusterConfiguration, sortedProperties } from "./clusterConfigurations";
import { throwIfProblems } from "./invalidArguments";

export interface HdfsEncryptionZone {
    /** The zone's HDFS directory: absolute and normalised, e.g. `/data/finance`. It must be empty when the zone is made. */
    path: string;
    /** The Hadoop KMS key for the zone: lower case (an upper-case name makes the cluster fail at launch). */
    keyName: string;
}

export interface HdfsEncryptionZonesOptions {
    /** Hadoop KMS ACLs (`hadoop-kms-acls`, kms-acls.xml), e.g. `{ "hadoop.kms.blacklist.DECRYPT_EEK": "hdfs" }`. */
    kmsAcls?: Record<string, string>;
    /** Hadoop KMS settings (`hadoop-kms-site`, kms-site.xml), e.g. `{ "hadoop.kms.cache.enable": "false" }`. */
    kmsSite?: Record<string, string>;
    /** Receives what deserves a warning but is not an error (nested zones, a key shared by zones). Default: `console.warn`. */
    onWarning?: (message: string) => void;
}

/** Key names as Hadoop KMS takes them: lower case, and no `@` (key versions are written `name@N`). */
const KEY_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const KMS_OPERATIONS = [
    "CREATE",
    "DELETE",
    "ROLLOVER",
    "GET",
    "GET_KEYS",
    "GET_METADATA",
    "SET_KEY_MATERIAL",
    "GENERATE_EEK",
    "DECRYPT_EEK",
];
const KEY_OPERATIONS = ["MANAGEMENT", "GENERATE_EEK", "DECRYPT_EEK", "READ"];
/** The kms-acls.xml properties: service ACLs and blacklists, per-key ACLs, and default and whitelist key ACLs (without ALL). */
const KMS_ACL = new RegExp(
    `^(?:hadoop\\.kms\\.(?:acl|blacklist)\\.(?:${KMS_OPERATIONS.join("|")})|key\\.acl\\.[a-z0-9][a-z0-9._-]*\\.(?:${[...KEY_OPERATIONS, "ALL"].join("|")})|(?:default|whitelist)\\.key\\.acl\\.(?:${KEY_OPERATIONS.join("|")}))$`,
);

/** A problem at a field (`zones[2].keyName`, relative to the call), its message starting with the field. */
function problem(path: string, code: ProblemCode, message: string): Problem {
    return { path, code, message: `${path} ${message}` };
}

function pathProblem(path: unknown): string | undefined {
    if (typeof path !== "string" || path === "") {
        return `must be an HDFS path such as /data/app; got ${typeof path === "string" ? '""' : typeof path}`;
    }
    if (!path.startsWith("/")) {
        return `must be absolute (start with /); got ${quote(path)}`;
    }
    const segments = path.split("/").slice(1);
    if (path !== "/" && (path.endsWith("/") || segments.some((s) => s === "" || s === "." || s === ".."))) {
        return `must be normalised (no //, /./, /../ or trailing /); got ${quote(path)}`;
    }
    if (path === "/.reserved" || path.startsWith("/.reserved/")) {
        return `is under /.reserved, which HDFS keeps for itself; got ${quote(path)}`;
    }
    // HDFS refuses a path component holding ":" (DFSUtil.isValidName); EMR writes the path into an
    // XML configuration file, which cannot carry control characters.
    if (segments.some((s) => s.includes(":"))) {
        return `must not hold ":" in a path component, which HDFS refuses; got ${quote(path)}`;
    }
    if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
        return `must not hold control characters; got ${quote(path)}`;
    }
    return undefined;
}

function propertyProblems(name: string, map: unknown, valid?: RegExp): Problem[] {
    if (map === undefined) {
        return [];
    }
    if (typeof map !== "object" || map === null || Array.isArray(map)) {
        return [problem(name, "wrong-type", "must be an object of string properties")];
    }
    const acl =
        "is not a kms-acls.xml property (hadoop.kms.acl.<OP>, hadoop.kms.blacklist.<OP>, key.acl.<key>.<OP>, default.key.acl.<OP>, whitelist.key.acl.<OP>)";
    return Object.entries(map).flatMap(([key, value]) => [
        ...(typeof value === "string"
            ? []
            : [problem(`${name}[${quote(key)}]`, "wrong-type", "must be a string (EMR property values are strings)")]),
        ...(valid && !valid.test(key) ? [problem(`${name}[${quote(key)}]`, "unknown-key", acl)] : []),
    ]);
}

/** Every problem with zones and options, by field; what `hdfsEncryptionZones` would throw for. */
export function checkHdfsEncryptionZones(zones: unknown, options: HdfsEncryptionZonesOptions = {}, root = "zones"): Problem[] {
    const problems: Problem[] = [];
    const list: unknown[] = Array.isArray(zones) ? zones : [];
    if (!Array.isArray(zones) || zones.length === 0) {
        problems.push(problem(root, Array.isArray(zones) ? "too-few-items" : "wrong-type", "must list at least one { path, keyName }"));
    }
    const byPath = new Map<string, number>();
    list.forEach((zone, i) => {
        const at = `${root}[${i}]`;
        if (typeof zone !== "object" || zone === null) {
            problems.push(problem(at, "wrong-type", "must be an object with path and keyName"));
            return;
        }
        const { path, keyName } = zone as Record<string, unknown>;
        const wrongPath = pathProblem(path);
        if (wrongPath) {
            problems.push(problem(`${at}.path`, typeof path === "string" ? "bad-format" : "wrong-type", wrongPath));
        }
        if (typeof keyName !== "string" || !KEY_NAME.test(keyName)) {
            const upper = typeof keyName === "string" && /[A-Z]/.test(keyName);
            problems.push(
                problem(
                    `${at}.keyName`,
                    typeof keyName === "string" ? "bad-format" : "wrong-type",
                    upper
                        ? `must be lower case: Hadoop KMS refuses upper-case key names, and the cluster fails at launch; got ${quote(keyName)}`
                        : `must be lower-case letters, digits, ".", "_" or "-"; got ${typeof keyName === "string" ? quote(keyName) : typeof keyName}`,
                ),
            );
        }
        if (typeof path === "string") {
            const first = byPath.get(path);
            if (first !== undefined) {
                problems.push(
                    problem(`${at}.path`, "duplicate-item", `is ${quote(path)}, already ${root}[${first}].path: one zone per path`),
                );
            } else {
                byPath.set(path, i);
            }
        }
    });
    problems.push(...propertyProblems("kmsAcls", options.kmsAcls, KMS_ACL), ...propertyProblems("kmsSite", options.kmsSite));
    return problems;
}

/**
 * The cluster configurations for HDFS encryption zones: one `hdfs-encryption-zones` object with the
 * zones sorted by path, then `hadoop-kms-acls` and `hadoop-kms-site` when asked for. Pure and
 * deterministic. Throws one `InvalidArgumentsError` listing every problem, by index and field.
 */
export function hdfsEncryptionZones(zones: HdfsEncryptionZone[], options: HdfsEncryptionZonesOptions = {}): ClusterConfiguration[] {
    throwIfProblems("Invalid HDFS encryption zones", checkHdfsEncryptionZones(zones, options));
    return zoneConfigurations(zones, options);
}

/** `hdfsEncryptionZones` for zones and options already checked (the baseline checks them with its other arguments). */
export function zoneConfigurations(zones: HdfsEncryptionZone[], options: HdfsEncryptionZonesOptions = {}): ClusterConfiguration[] {
    const byKey = new Map<string, string[]>();
    for (const { path, keyName } of zones) {
        const paths = byKey.get(keyName) ?? [];
        paths.push(path);
        byKey.set(keyName, paths);
    }
    const warn = options.onWarning ?? ((message: string) => console.warn(`emr-security: ${message}`));
    // Each zone's ancestors that are zones too: a walk up each path, not a comparison of every pair.
    const paths = zones.map((z) => z.path).sort();
    const zonePaths = new Set(paths);
    const inside = new Map<string, string[]>();
    for (const path of paths) {
        const ancestors = path === "/" ? [] : ["/"];
        for (let at = path.indexOf("/", 1); at !== -1; at = path.indexOf("/", at + 1)) {
            ancestors.push(path.slice(0, at));
        }
        for (const ancestor of ancestors.filter((a) => zonePaths.has(a))) {
            const nested = inside.get(ancestor) ?? [];
            nested.push(path);
            inside.set(ancestor, nested);
        }
    }
    for (const path of paths.filter((p) => inside.has(p))) {
        warn(
            `HDFS encryption zone ${path} contains ${listed(inside.get(path)!, ", ")}: Hadoop supports nested zones (the nearest one's key applies), but how EMR creates them from one classification is not documented. Prefer zones side by side.`,
        );
    }
    for (const [key, keyPaths] of byKey) {
        if (keyPaths.length > 1) {
            warn(
                `Hadoop KMS key ${key} serves several zones (${listed(keyPaths, ", ")}): whether EMR accepts that is not documented; give each zone its own key.`,
            );
        }
    }

    const configurations: ClusterConfiguration[] = [
        {
            Classification: "hdfs-encryption-zones",
            Properties: sortedProperties(Object.fromEntries(zones.map((z) => [z.path, z.keyName]))),
        },
    ];
    if (options.kmsAcls && Object.keys(options.kmsAcls).length > 0) {
        configurations.push({ Classification: "hadoop-kms-acls", Properties: sortedProperties(options.kmsAcls) });
    }
    if (options.kmsSite && Object.keys(options.kmsSite).length > 0) {
        configurations.push({ Classification: "hadoop-kms-site", Properties: sortedProperties(options.kmsSite) });
    }
    return configurations;
}
