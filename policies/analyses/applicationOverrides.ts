/**
 * Application settings that undo what a security configuration turns on, from the override table
 * of policies/reference/emr.md §5.2 and its documented exceptions (§5.3). Only
 * rows labelled D (documented) or I (inferred from documented behaviour) are weakenings; rows whose
 * key or value is unverified are left for review, with the doubt in the message.
 */
import { PolicyResource } from "@pulumi/policy";
import {
    ApplicationSetting,
    ATTACHED_TYPES,
    attachedConfigurations,
    clusterConfigurations,
    compareReleases,
    isObject,
    parseReleaseLabel,
    quote,
    Release,
} from "../model";
import { deferralMessage } from "../deferral";
import { isUnknownProperty } from "../policyHost";
import { CLUSTER_TYPES } from "../resources";
import { documentOf, StackView } from "./stackView";
import { option, ruleOptions } from "./ruleOptions";

/** What in the security configuration turns the setting on. */
export type Trigger = "in-transit" | "local-disk" | "kerberos";

export interface Context {
    triggers: ReadonlySet<Trigger>;
    /** `PEM`, `Custom` or `EMR`, with in-transit encryption. */
    certificateProvider?: string;
    /** Undefined when the cluster's release label is not readable: every row then applies. */
    release?: Release;
    /** `hive.metastore.hadoop.rpc.protection.override.to.authentication` is `true` somewhere on the cluster. */
    metastoreRpcOverride: boolean;
}

export interface Verdict {
    /** `weakens`: a violation. `review`: a documented override under its condition, or a doubt. */
    kind: "weakens" | "review";
    message: string;
}

/**
 * How the application reads a boolean, from its source:
 * - `hadoop`: `Configuration.getBoolean` (Hadoop, and HBase, Hive, Tez, Oozie and WebHCat, which
 *   read through it) trims, takes true or false in any case, and for anything else (an empty
 *   value, "0", "no", "off") logs a warning and uses the default in code;
 * - `java`: `Boolean.parseBoolean` (ZooKeeper, Zeppelin) and `Boolean.valueOf` (Airlift's config
 *   for Presto and Trino): true only for "true" in any case, untrimmed; anything else is false;
 * - `strict`: Spark's `ConfigBuilder.booleanConf` and `SparkConf.getBoolean`, and Flink's
 *   `ConfigurationUtils.convertToBoolean`: true or false in any case, else the application
 *   refuses the value and does not start.
 */
export type BooleanParser = "hadoop" | "java" | "strict";

interface BooleanRow {
    parser: BooleanParser;
    /** The value that weakens: false for a switch EMR turns on, true for one it turns off. */
    weakWhen: boolean;
    /** What the application uses when it does not recognise the value (its default in code). */
    fallback: boolean;
}

interface Row {
    classifications: readonly string[];
    property: string;
    /** What in the security configuration turns the setting on; any one of them is enough. */
    triggers: readonly Trigger[];
    since?: string;
    /** The value EMR sets, to use instead. */
    use: string;
    /** Whether the application, parsing the value as it does, ends up weaker (non-boolean rows). */
    weak?: (value: string) => boolean;
    /** When set, a weak value is reviewed rather than refused, for the reason returned. */
    documentedException?: (context: Context, value: string) => string | undefined;
    /** A row whose key or meaning is not verified: every weak value is reviewed, with this doubt. */
    doubt?: string;
    /** A boolean, read as its application reads booleans. */
    boolean?: BooleanRow;
}

/** The value the application ends up with; undefined when it refuses the value. */
export function parseBoolean(parser: BooleanParser, value: string, fallback: boolean): boolean | undefined {
    const word = (parser === "java" ? value : value.trim()).toLowerCase();
    if (word === "true") {
        return true;
    }
    if (parser === "java" || word === "false") {
        return false;
    }
    return parser === "hadoop" ? fallback : undefined;
}

const norm = (value: string) => value.trim().toLowerCase();
const isTrue = (value: string) => norm(value) === "true";
const listOfValues = (value: string) =>
    value
        .split(",")
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean);

/** A switch EMR turns on, whose default in code is off. */
const switchedOff = (
    classifications: readonly string[],
    property: string,
    trigger: Trigger,
    since: string | undefined,
    parser: BooleanParser,
): Row => ({
    classifications,
    property,
    triggers: [trigger],
    since,
    use: "true",
    boolean: { parser, weakWhen: false, fallback: false },
});

/** A switch EMR leaves off (its default in code), which weakens when on. */
const switchedOn = (classifications: readonly string[], property: string, trigger: Trigger, since: string, parser: BooleanParser): Row => ({
    classifications,
    property,
    triggers: [trigger],
    since,
    use: "false",
    boolean: { parser, weakWhen: true, fallback: false },
});

/**
 * Hadoop daemons and clients load core-site first and their own file after it (hdfs-site, yarn-site,
 * mapred-site, and HBase's hbase-site over Hadoop's), and a later file's value wins: a core-site
 * key set in any of them is read.
 */
const HADOOP_FILES = ["core-site", "hdfs-site", "yarn-site", "mapred-site", "hbase-site"] as const;

/** An HTTP policy EMR sets to HTTPS_ONLY: HTTP_ONLY or HTTP_AND_HTTPS serve in clear. */
const httpsOnly = (classification: string, property: string, since?: string): Row => ({
    classifications: [classification],
    property,
    triggers: ["in-transit"],
    since,
    use: "HTTPS_ONLY",
    weak: (v) => ["http_only", "http_and_https"].includes(norm(v)),
});

/**
 * A SASL quality of protection EMR sets to privacy: Hadoop reads a trimmed list, and any other QOP
 * lets the server accept it. AWS's pages differ on what sets it: the Kerberos pages tie it to
 * Kerberos, the encryption-options page (and AWS's blog on EMR for financial services) to
 * local-disk encryption; either one in the security configuration is taken to set it.
 */
const privacyOnly = (classifications: readonly string[], property: string): Row => ({
    classifications,
    property,
    triggers: ["kerberos", "local-disk"],
    since: "5.10.0",
    use: "privacy",
    weak: (v) => listOfValues(v).length === 0 || listOfValues(v).some((q) => q !== "privacy"),
});

const atLeast = (release: Release | undefined, version: string) =>
    !release || compareReleases(release, parseReleaseLabel(`emr-${version}`)!) >= 0;

const ROWS: readonly Row[] = [
    privacyOnly(HADOOP_FILES, "hadoop.rpc.protection"),
    {
        classifications: HADOOP_FILES,
        property: "hadoop.security.authentication",
        triggers: ["kerberos"],
        since: "5.10.0",
        use: "kerberos",
        weak: (v) => norm(v) === "simple",
    },
    {
        classifications: HADOOP_FILES,
        property: "hadoop.ssl.hostname.verifier",
        triggers: ["in-transit"],
        use: "DEFAULT",
        weak: (v) => norm(v) === "allow_all",
        documentedException: (c) =>
            c.certificateProvider === "EMR"
                ? undefined
                : "AWS documents ALLOW_ALL for certificates without the Region's wildcard DNS name (*.ec2.internal or *.<region>.compute.internal); keep DEFAULT when the certificate has it",
    },
    switchedOff(["hdfs-site"], "dfs.encrypt.data.transfer", "local-disk", undefined, "hadoop"),
    {
        classifications: ["hdfs-site"],
        property: "dfs.encrypt.data.transfer.cipher.suites",
        triggers: ["local-disk"],
        use: "AES/CTR/NoPadding",
        // An empty list turns AES off, leaving the older .algorithm cipher.
        weak: (v) => v.trim() === "",
    },
    {
        classifications: ["hdfs-site"],
        property: "dfs.encrypt.data.transfer.cipher.key.bitlength",
        triggers: ["local-disk"],
        use: "256",
        weak: (v) => ["128", "192"].includes(v.trim()),
    },
    httpsOnly("hdfs-site", "dfs.http.policy"),
    httpsOnly("yarn-site", "yarn.http.policy", "7.3.0"),
    switchedOff(["mapred-site"], "mapreduce.shuffle.ssl.enabled", "in-transit", undefined, "hadoop"),
    httpsOnly("mapred-site", "mapreduce.jobhistory.http.policy", "7.3.0"),
    switchedOff(["tez-site"], "tez.runtime.shuffle.ssl.enable", "in-transit", undefined, "hadoop"),
    {
        ...switchedOff(["tez-site"], "tez.runtime.ssl.enable", "in-transit", undefined, "hadoop"),
        doubt: "older AWS text names this key for Tez shuffle TLS, but it is not found in Tez's source: check whether it has any effect",
    },
    switchedOff(["spark-defaults"], "spark.authenticate", "in-transit", undefined, "strict"),
    switchedOff(["spark-defaults"], "spark.network.crypto.enabled", "in-transit", "5.9.0", "strict"),
    ...["spark.ssl.enabled", "spark.ssl.ui.enabled"].map((property) => ({
        ...switchedOff(["spark-defaults"], property, "in-transit", "5.3.0", "strict"),
        doubt: "EMR documents TLS for the Spark UI, but not the exact keys it sets",
    })),
    // EMR's in-transit support matrix lists the Spark History Server on TLS (port 18480) from
    // 5.3.0, and Spark's SSLOptions reads spark.ssl.historyServer.enabled as that server's switch.
    switchedOff(["spark-defaults"], "spark.ssl.historyServer.enabled", "in-transit", "5.3.0", "strict"),
    switchedOff(["hive-site"], "hive.server2.use.SSL", "in-transit", "6.9.0", "hadoop"),
    switchedOff(["hive-site"], "hive.server2.webui.use.ssl", "in-transit", "7.3.0", "hadoop"),
    {
        ...switchedOff(["hive-site", "spark-hive-site"], "hive.metastore.use.SSL", "in-transit", "7.3.0", "hadoop"),
        documentedException: metastoreException,
    },
    {
        // Spark hands spark.hadoop.* to the Hadoop configuration the metastore client reads.
        ...switchedOff(["spark-defaults"], "spark.hadoop.hive.metastore.use.SSL", "in-transit", "7.3.0", "hadoop"),
        documentedException: metastoreException,
    },
    switchedOn(["hive-site"], "hive.metastore.hadoop.rpc.protection.override.to.authentication", "kerberos", "7.3.0", "hadoop"),
    switchedOff(["hcatalog-webhcat-site"], "templeton.use.ssl", "in-transit", "7.3.0", "hadoop"),
    {
        classifications: ["hcatalog-webhcat-site"],
        property: "templeton.ssl.protocol.blacklist",
        triggers: ["in-transit"],
        since: "7.3.0",
        use: "SSLv2,SSLv3",
        weak: (v) => !listOfValues(v).includes("sslv2") || !listOfValues(v).includes("sslv3"),
    },
    privacyOnly(["hbase-site"], "hbase.rpc.protection"),
    ...["hbase.ssl.enabled", "hbase.rest.ssl.enabled", "hbase.thrift.ssl.enabled"].map((p) =>
        switchedOff(["hbase-site"], p, "in-transit", "7.3.0", "hadoop"),
    ),
    ...["hbase.server.netty.tls.enabled", "hbase.client.netty.tls.enabled"].map((p) =>
        switchedOff(["hbase-site"], p, "in-transit", "7.6.0", "hadoop"),
    ),
    switchedOn(["presto-config"], "http-server.http.enabled", "in-transit", "5.6.0", "java"),
    {
        ...switchedOn(["trino-config", "prestosql-config"], "http-server.http.enabled", "in-transit", "6.1.0", "java"),
        doubt: "EMR says it sets up Trino's TLS, but does not document this key for Trino",
    },
    ...["security.ssl.internal.enabled", "security.ssl.rest.enabled", "historyserver.web.ssl.enabled"].map((p) =>
        switchedOff(["flink-conf"], p, "in-transit", "7.3.0", "strict"),
    ),
    {
        classifications: ["flink-conf"],
        property: "security.ssl.protocol",
        triggers: ["in-transit"],
        since: "7.3.0",
        use: "TLSv1.3",
        weak: (v) => ["tlsv1", "tlsv1.1", "tlsv1.2"].includes(norm(v)),
        // TLS 1.2 stays above Java 17's floor: a documented compatibility choice, not a weakening.
        documentedException: (_c, v) =>
            norm(v) === "tlsv1.2"
                ? "TLS 1.2 instead of EMR's TLS 1.3 on 7.3.0+ is a documented compatibility choice; prefer TLSv1.3"
                : undefined,
    },
    {
        ...switchedOff(["oozie-site"], "oozie.https.enabled", "in-transit", "7.3.0", "hadoop"),
        documentedException: (c) =>
            c.certificateProvider === "EMR"
                ? undefined
                : "AWS allows turning Oozie HTTPS off when the certificate fails Oozie's hostname verification; prefer fixing the certificate",
    },
    ...["sslQuorum", "admin.forceHttps"].map((p) => switchedOff(["zookeeper-config"], p, "in-transit", "7.4.0", "java")),
    switchedOff(["zeppelin-site"], "zeppelin.ssl", "in-transit", "7.3.0", "java"),
];

/** Hive metastore TLS off: documented for Spark with Kerberos on 7.3.0+ (SPARK-44114), never without Kerberos. */
function metastoreException(c: Context): string | undefined {
    return c.triggers.has("kerberos") && !c.metastoreRpcOverride
        ? "AWS documents turning metastore TLS off on 7.3.0+ with in-transit encryption and Kerberos, for Spark and Livy apps that use the Hive metastore (SPARK-44114); Kerberos SASL still protects it"
        : undefined;
}

const TRIGGER_WORDS: Record<Trigger, string> = {
    "in-transit": "in-transit encryption",
    "local-disk": "local-disk encryption",
    kerberos: "Kerberos",
};

/** What one setting does to the security configuration, or undefined when it does nothing to it. */
export function judge(setting: ApplicationSetting, context: Context, configuration: string): Verdict | undefined {
    const where = `${setting.location}: ${setting.classification} ${setting.property}=${quote(setting.value)}`;
    const exact = ROWS.find((r) => r.property === setting.property && r.classifications.includes(setting.classification));
    if (!exact) {
        const near = ROWS.find(
            (r) =>
                r.property.toLowerCase() === setting.property.toLowerCase() &&
                r.classifications.some((c) => c.toLowerCase() === setting.classification.toLowerCase()),
        );
        return near && near.triggers.some((t) => context.triggers.has(t))
            ? {
                  kind: "review",
                  message: `${where} has no effect: keys are case-sensitive, and ${near.classifications[0]} ${near.property} is the setting. Correct or remove it.`,
              }
            : undefined;
    }
    const on = exact.triggers.filter((t) => context.triggers.has(t));
    if (on.length === 0 || (exact.since && !atLeast(context.release, exact.since))) {
        return undefined;
    }
    const what = `${on.map((t) => TRIGGER_WORDS[t]).join(" and ")}, which the security configuration ${configuration} turns on`;
    let unrecognised = "";
    if (exact.boolean) {
        const { parser, weakWhen, fallback } = exact.boolean;
        const read = parseBoolean(parser, setting.value, fallback);
        if (read === undefined) {
            return {
                kind: "review",
                message: `${where} is neither true nor false: the application refuses it and does not start. Set ${exact.use}.`,
            };
        }
        if (read !== weakWhen) {
            return undefined;
        }
        if (norm(setting.value) !== String(read) || (parser === "java" && setting.value !== setting.value.trim())) {
            unrecognised = ` (the application reads ${quote(setting.value)} as ${read}${parser === "hadoop" ? ", its default" : ""})`;
        }
    } else if (!exact.weak?.(setting.value)) {
        return undefined;
    }
    const fix = `Set ${exact.property} to ${exact.use}, or remove it`;
    if (exact.doubt) {
        return { kind: "review", message: `${where} may weaken ${what} (unverified: ${exact.doubt}). ${fix}.` };
    }
    const exception = exact.documentedException?.(context, setting.value);
    if (exception) {
        return { kind: "review", message: `${where} weakens ${what}. ${exception}. Otherwise: ${fix}.` };
    }
    return { kind: "weakens", message: `${where} switches off ${what}${unrecognised}. ${fix}.` };
}

export interface ClusterFinding extends Verdict {
    resource: string;
}

/** What a document turns on that application settings could undo. */
function contextOf(document: Record<string, unknown>, cluster: PolicyResource, settings: ApplicationSetting[]): Context {
    const encryption = isObject(document.EncryptionConfiguration) ? document.EncryptionConfiguration : {};
    const atRest = isObject(encryption.AtRestEncryptionConfiguration) ? encryption.AtRestEncryptionConfiguration : {};
    const inTransit = isObject(encryption.InTransitEncryptionConfiguration) ? encryption.InTransitEncryptionConfiguration : {};
    const tls = isObject(inTransit.TLSCertificateConfiguration) ? inTransit.TLSCertificateConfiguration : {};
    const authentication = isObject(document.AuthenticationConfiguration) ? document.AuthenticationConfiguration : {};
    const triggers = new Set<Trigger>();
    if (encryption.EnableInTransitEncryption === true) {
        triggers.add("in-transit");
    }
    if (encryption.EnableAtRestEncryption === true && isObject(atRest.LocalDiskEncryptionConfiguration)) {
        triggers.add("local-disk");
    }
    if (isObject(authentication.KerberosConfiguration)) {
        triggers.add("kerberos");
    }
    const label = cluster.props.releaseLabel;
    return {
        triggers,
        certificateProvider: typeof tls.CertificateProviderType === "string" ? tls.CertificateProviderType : undefined,
        release: typeof label === "string" ? parseReleaseLabel(label) : undefined,
        metastoreRpcOverride: settings.some(
            (s) => s.property === "hive.metastore.hadoop.rpc.protection.override.to.authentication" && isTrue(s.value),
        ),
    };
}

/**
 * Every finding about the application settings of the stack's clusters: weakenings, and what needs a
 * review (a documented override, an unverified row, a setting that cannot be read). `allowed` holds
 * `classification/property` pairs a team accepts on purpose.
 */
export function clusterApplicationFindings(stack: StackView, allowed: readonly string[]): ClusterFinding[] {
    const findings: ClusterFinding[] = [];
    // Task groups and fleets of their own name the cluster by id, the last part of its ARN. A new
    // cluster's ARN, and so the id its groups give, is unknown at preview: the cluster's own
    // settings are judged all the same, and each group that cannot be linked yet is a deferral.
    const linkable = (r: PolicyResource) => !isUnknownProperty(r.props, "clusterId");
    for (const group of stack.ofTypes(ATTACHED_TYPES).filter((r) => !linkable(r))) {
        const { settings, unreadable } = attachedConfigurations(group.type, group.name, group.props);
        if (settings.length > 0 || unreadable.length > 0) {
            findings.push({
                resource: group.urn,
                kind: "review",
                message: deferralMessage(
                    "emr-cluster-application-encryption",
                    `string value at .clusterId can't be known during preview, so the application settings of ${group.type.split(":").pop()} ${quote(group.name)} cannot be matched to its cluster's security configuration yet; the check runs again when the stack is analyzed with the values known`,
                ),
            });
        }
    }
    // A group or fleet whose cluster is not in the stack cannot be judged against its security
    // configuration: said, never passed over in silence.
    const clusterIds = new Set(
        stack
            .ofTypes(CLUSTER_TYPES)
            .map((c) => (isUnknownProperty(c.props, "arn") ? undefined : c.props.arn))
            .filter((arn): arn is string => typeof arn === "string")
            .map((arn) => arn.split("/").pop()),
    );
    for (const group of stack.ofTypes(ATTACHED_TYPES).filter(linkable)) {
        const clusterId = group.props.clusterId;
        if (typeof clusterId === "string" && !clusterIds.has(clusterId)) {
            const { settings, unreadable } = attachedConfigurations(group.type, group.name, group.props);
            if (settings.length > 0 || unreadable.length > 0) {
                findings.push({
                    resource: group.urn,
                    kind: "review",
                    message: `Cannot verify the application settings of ${group.type.split(":").pop()} ${quote(group.name)}: its cluster ${quote(clusterId)} is not in this stack, so its security configuration is unknown here. Check them against it, or manage the cluster in this stack.`,
                });
            }
        }
    }
    for (const cluster of stack.ofTypes(CLUSTER_TYPES)) {
        const { settings, unreadable } = clusterConfigurations(cluster.type, cluster.props);
        const arn = isUnknownProperty(cluster.props, "arn") ? undefined : cluster.props.arn;
        const clusterId = typeof arn === "string" ? arn.split("/").pop() : undefined;
        const attachedTo = clusterId
            ? stack.where(ATTACHED_TYPES, "attached-by-cluster", (r) => (linkable(r) ? [r.props.clusterId] : []), clusterId)
            : [];
        for (const attached of attachedTo) {
            const more = attachedConfigurations(attached.type, attached.name, attached.props);
            settings.push(...more.settings);
            unreadable.push(...more.unreadable);
        }
        for (const { location, reason } of unreadable) {
            findings.push({
                resource: cluster.urn,
                kind: "review",
                message: `Cannot verify the ${location}'s application settings: ${reason}.`,
            });
        }
        const name = cluster.props.securityConfiguration;
        const configuration = typeof name === "string" ? stack.securityConfigurationNamed(name) : undefined;
        const document = configuration && documentOf(configuration);
        if (!document) {
            if (settings.length > 0 && typeof name === "string" && !configuration) {
                findings.push({
                    resource: cluster.urn,
                    kind: "review",
                    message: `Cannot verify the cluster's application settings against its security configuration ${quote(name)}: it is not in this stack.`,
                });
            }
            continue;
        }
        const context = contextOf(document, cluster, settings);
        for (const setting of settings) {
            if (allowed.includes(`${setting.classification}/${setting.property}`)) {
                continue;
            }
            const verdict = judge(setting, context, quote(name as string));
            if (verdict) {
                findings.push({ resource: cluster.urn, ...verdict });
            }
        }
    }
    return findings;
}

/** The allow-list option both cluster-application rules take. */
export function allowedOverridesOption(description: string) {
    return ruleOptions({
        allowedOverrides: option<string[]>({ type: "array", items: { type: "string", pattern: "^[^/]+/.+$" }, default: [], description }),
    });
}

/** The stack's findings of one kind, as a stack rule reports them. */
export function findingsOfKind(kind: Verdict["kind"], resources: PolicyResource[], allowed: readonly string[]): ClusterFinding[] {
    const stack = StackView.of(resources);
    // The violation rule and its review rule of one analysis share one pass.
    return stack
        .memo(`cluster-applications:${JSON.stringify(allowed)}`, () => clusterApplicationFindings(stack, allowed))
        .filter((f) => f.kind === kind);
}
