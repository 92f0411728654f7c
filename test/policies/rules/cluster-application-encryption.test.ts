/**
 * emr-cluster-application-encryption and its review rule: application settings that undo the
 * security configuration, row by row of the reference's override table, in every place they live.
 */
import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrClusterApplicationEncryption } from "../../../policies/rules/emr-cluster-application-encryption";
import { emrClusterApplicationEncryptionReview } from "../../../policies/rules/emr-cluster-application-encryption-review";
import { findings, hardened, mutated, UNKNOWN } from "../helpers";

const SC = (document: unknown = hardened()): PolicyResource => ({
    type: "aws:emr/securityConfiguration:SecurityConfiguration",
    name: "sc",
    urn: "urn:pulumi:s::p::aws:emr/securityConfiguration:SecurityConfiguration::sc",
    props: { name: "emr-sc", configuration: JSON.stringify(document) },
});
const classic = (props: Record<string, unknown>, releaseLabel = "emr-7.6.0"): PolicyResource => ({
    type: "aws:emr/cluster:Cluster",
    name: "analytics",
    urn: "urn:pulumi:s::p::aws:emr/cluster:Cluster::analytics",
    props: { securityConfiguration: "emr-sc", releaseLabel, ...props },
});
const json = (classification: string, properties: Record<string, string>) =>
    JSON.stringify([{ Classification: classification, Properties: properties }]);

async function verdicts(resources: PolicyResource[], config: Record<string, unknown> = {}, preview = false) {
    const only = (name: string) => Object.fromEntries(Object.entries(config).filter(([k]) => k === name));
    const weakens = await findings(emrClusterApplicationEncryption, resources, {
        config: only(emrClusterApplicationEncryption.name),
        preview,
    });
    const review = await findings(emrClusterApplicationEncryptionReview, resources, {
        config: only(emrClusterApplicationEncryptionReview.name),
        preview,
    });
    return { weakens: weakens.map((f) => f.message), review: review.map((f) => f.message) };
}

/** Each weakening row of the reference (D or I), with a weak value and the release it needs. */
const ROWS: [classification: string, property: string, weak: string, release: string][] = [
    ["core-site", "hadoop.rpc.protection", "authentication", "emr-6.15.0"],
    ["core-site", "hadoop.rpc.protection", "privacy,integrity", "emr-6.15.0"],
    ["core-site", "hadoop.security.authentication", "simple", "emr-6.15.0"],
    ["hdfs-site", "dfs.encrypt.data.transfer", "false", "emr-5.36.0"],
    ["hdfs-site", "dfs.encrypt.data.transfer.cipher.suites", "", "emr-5.36.0"],
    ["hdfs-site", "dfs.encrypt.data.transfer.cipher.key.bitlength", "128", "emr-5.36.0"],
    ["hdfs-site", "dfs.http.policy", "HTTP_AND_HTTPS", "emr-6.15.0"],
    ["yarn-site", "yarn.http.policy", "HTTP_ONLY", "emr-7.3.0"],
    ["mapred-site", "mapreduce.shuffle.ssl.enabled", "false", "emr-6.15.0"],
    ["mapred-site", "mapreduce.jobhistory.http.policy", "HTTP_ONLY", "emr-7.3.0"],
    ["tez-site", "tez.runtime.shuffle.ssl.enable", "false", "emr-6.15.0"],
    ["spark-defaults", "spark.authenticate", "false", "emr-6.15.0"],
    ["spark-defaults", "spark.network.crypto.enabled", "false", "emr-6.15.0"],
    ["hive-site", "hive.server2.use.SSL", "false", "emr-6.9.0"],
    ["hive-site", "hive.server2.webui.use.ssl", "false", "emr-7.3.0"],
    ["hive-site", "hive.metastore.hadoop.rpc.protection.override.to.authentication", "true", "emr-7.3.0"],
    ["hcatalog-webhcat-site", "templeton.use.ssl", "false", "emr-7.3.0"],
    ["hcatalog-webhcat-site", "templeton.ssl.protocol.blacklist", "SSLv2", "emr-7.3.0"],
    ["hbase-site", "hbase.rpc.protection", "integrity", "emr-6.15.0"],
    ["hbase-site", "hbase.ssl.enabled", "false", "emr-7.3.0"],
    ["hbase-site", "hbase.rest.ssl.enabled", "false", "emr-7.3.0"],
    ["hbase-site", "hbase.thrift.ssl.enabled", "false", "emr-7.3.0"],
    ["hbase-site", "hbase.server.netty.tls.enabled", "false", "emr-7.6.0"],
    ["hbase-site", "hbase.client.netty.tls.enabled", "false", "emr-7.6.0"],
    ["presto-config", "http-server.http.enabled", "true", "emr-5.36.0"],
    ["flink-conf", "security.ssl.internal.enabled", "false", "emr-7.3.0"],
    ["flink-conf", "security.ssl.rest.enabled", "false", "emr-7.3.0"],
    ["flink-conf", "historyserver.web.ssl.enabled", "false", "emr-7.3.0"],
    ["flink-conf", "security.ssl.protocol", "TLSv1.1", "emr-7.3.0"],
    ["zookeeper-config", "sslQuorum", "false", "emr-7.4.0"],
    ["zookeeper-config", "admin.forceHttps", "false", "emr-7.4.0"],
    ["zeppelin-site", "zeppelin.ssl", "false", "emr-7.3.0"],
];

describe("emr-cluster-application-encryption", () => {
    for (const [classification, property, weak, release] of ROWS) {
        it(`Noncompliance: ${classification} ${property}=${JSON.stringify(weak)} on ${release}`, async () => {
            const { weakens, review } = await verdicts([
                SC(),
                classic({ configurationsJson: json(classification, { [property]: weak }) }, release),
            ]);
            assert.strictEqual(weakens.length, 1, review.join("\n"));
            assert.ok(weakens[0].startsWith(`cluster: ${classification} ${property}=${JSON.stringify(weak)} switches off `), weakens[0]);
            assert.match(weakens[0], /which the security configuration "emr-sc" turns on\. Set .+ to .+, or remove it\.$/);
        });
    }

    it("Compliance: EMR's own values, and values the application parses as EMR's, give no finding", async () => {
        const settings = {
            "hadoop.rpc.protection": " Privacy ",
            "dfs.encrypt.data.transfer": "TRUE",
            "dfs.http.policy": "HTTPS_ONLY",
            "spark.authenticate": "true",
            "hadoop.ssl.hostname.verifier": "DEFAULT",
        };
        const configurations = JSON.stringify([
            {
                Classification: "core-site",
                Properties: { "hadoop.rpc.protection": settings["hadoop.rpc.protection"], "hadoop.ssl.hostname.verifier": "DEFAULT" },
            },
            { Classification: "hdfs-site", Properties: { "dfs.encrypt.data.transfer": "TRUE", "dfs.http.policy": "HTTPS_ONLY" } },
            { Classification: "spark-defaults", Properties: { "spark.authenticate": "true" } },
            // EMR's own defaults, listed as no finding (policies/reference/emr.md §5.3), and emrfs-site, which the
            // security configuration overrides (§5.2).
            { Classification: "tez-site", Properties: { "tez.am.tez-ui.webservice.enable.ssl": "false" } },
            { Classification: "hive-site", Properties: { "hive.metastore.ssl.enable.hostname.verification": "false" } },
            { Classification: "zookeeper-config", Properties: { clientPort: "2181" } },
            { Classification: "emrfs-site", Properties: { "fs.s3.enableServerSideEncryption": "false" } },
            // Known-issue fixes that look like security edits but are not (see applicationOverrides.ts).
            {
                Classification: "yarn-site",
                Properties: {
                    "yarn.log.server.url": "https://${yarn.timeline-service.webapp.https.address}/ws/v1/applicationhistory/logs",
                },
            },
        ]);
        assert.deepStrictEqual(await verdicts([SC(), classic({ configurationsJson: configurations })]), { weakens: [], review: [] });
    });

    it("judges string values as the application parses them: ' false' and 'FALSE' are false", async () => {
        for (const value of [" false", "FALSE", "False "]) {
            const { weakens } = await verdicts([
                SC(),
                classic({ configurationsJson: json("spark-defaults", { "spark.authenticate": value }) }),
            ]);
            assert.strictEqual(weakens.length, 1, value);
        }
    });

    it("only when the security configuration turns the feature on, and the release encrypts the endpoint", async () => {
        const rpc = json("core-site", { "hadoop.rpc.protection": "authentication" });
        const neither = mutated((d) => {
            delete d.AuthenticationConfiguration;
            delete d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration;
        });
        assert.deepStrictEqual((await verdicts([SC(neither), classic({ configurationsJson: rpc })])).weakens, []);
        const yarn = json("yarn-site", { "yarn.http.policy": "HTTP_ONLY" });
        assert.deepStrictEqual(
            (await verdicts([SC(), classic({ configurationsJson: yarn }, "emr-7.2.0")])).weakens,
            [],
            "HTTP_ONLY is 7.2.0's own state",
        );
        const noTls = mutated((d) => {
            d.EncryptionConfiguration.EnableInTransitEncryption = false;
            delete d.EncryptionConfiguration.InTransitEncryptionConfiguration;
        });
        assert.deepStrictEqual((await verdicts([SC(noTls), classic({ configurationsJson: yarn })])).weakens, []);
    });

    it("reads every place: configurations given inline, fleets, aws-native groups and fleets, nested classifications, EMR.secret@ keys", async () => {
        const fleet = {
            instanceTypeConfigs: [
                {
                    instanceType: "m7g.xlarge",
                    configurations: [{ classification: "spark-defaults", properties: { "spark.authenticate": "false" } }],
                },
            ],
        };
        const found = await verdicts([
            SC(),
            classic({ configurations: json("hdfs-site", { "dfs.encrypt.data.transfer": "false" }), coreInstanceFleet: fleet }),
        ]);
        assert.deepStrictEqual(
            found.weakens.map((m) => m.split(" switches")[0]),
            [
                'cluster: hdfs-site dfs.encrypt.data.transfer="false"',
                'core instance fleet, instance type 0: spark-defaults spark.authenticate="false"',
            ],
        );
        const native: PolicyResource = {
            type: "aws-native:emr:Cluster",
            name: "native",
            urn: "urn:pulumi:s::p::aws-native:emr:Cluster::native",
            props: {
                securityConfiguration: "emr-sc",
                releaseLabel: "emr-7.6.0",
                configurations: [
                    {
                        classification: "hadoop-env",
                        configurations: [{ classification: "export", configurationProperties: { JAVA_HOME: "/x" } }],
                    },
                    { classification: "core-site", configurationProperties: { "EMR.secret@hadoop.rpc.protection": "authentication" } },
                ],
                instances: {
                    coreInstanceGroup: {
                        configurations: [
                            { classification: "presto-config", configurationProperties: { "http-server.http.enabled": "true" } },
                        ],
                    },
                },
            },
        };
        assert.deepStrictEqual(
            (await verdicts([SC(), native])).weakens.map((m) => m.split(" switches")[0]),
            [
                'cluster: core-site hadoop.rpc.protection="authentication"',
                'core instance group: presto-config http-server.http.enabled="true"',
            ],
        );
    });

    it("reads task instance groups and fleets created as their own resources, by the cluster's id", async () => {
        const cluster = classic({ arn: "arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-ABC123" });
        const group: PolicyResource = {
            type: "aws:emr/instanceGroup:InstanceGroup",
            name: "tasks",
            urn: "urn:pulumi:s::p::aws:emr/instanceGroup:InstanceGroup::tasks",
            props: { clusterId: "j-ABC123", configurationsJson: json("mapred-site", { "mapreduce.shuffle.ssl.enabled": "false" }) },
        };
        const fleet: PolicyResource = {
            type: "aws:emr/instanceFleet:InstanceFleet",
            name: "spot",
            urn: "urn:pulumi:s::p::aws:emr/instanceFleet:InstanceFleet::spot",
            props: {
                clusterId: "j-ABC123",
                instanceTypeConfigs: [
                    { configurations: [{ classification: "tez-site", properties: { "tez.runtime.shuffle.ssl.enable": "false" } }] },
                ],
            },
        };
        const other = { ...group, name: "elsewhere", props: { ...group.props, clusterId: "j-OTHER" } };
        assert.deepStrictEqual(
            (await verdicts([SC(), cluster, group, fleet, other])).weakens.map((m) => m.split(":")[0]),
            ["instance group tasks", "instance fleet spot, instance type 0"],
        );
    });

    it("accepts a pair on the allow-list, on purpose", async () => {
        const resources = [SC(), classic({ configurationsJson: json("yarn-site", { "yarn.http.policy": "HTTP_ONLY" }) })];
        assert.strictEqual((await verdicts(resources)).weakens.length, 1);
        const config = { "emr-cluster-application-encryption": { allowedOverrides: ["yarn-site/yarn.http.policy"] } };
        assert.deepStrictEqual((await verdicts(resources, config)).weakens, []);
    });

    it("Hadoop RPC privacy without Kerberos: AWS's encryption-options page says local-disk encryption sets hadoop.rpc.protection to privacy (SASL)", async () => {
        const noKerberos = mutated((d) => delete d.AuthenticationConfiguration);
        const rpc = json("core-site", { "hadoop.rpc.protection": "authentication" });
        assert.deepStrictEqual((await verdicts([SC(noKerberos), classic({ configurationsJson: rpc })])).weakens, [
            'cluster: core-site hadoop.rpc.protection="authentication" switches off local-disk encryption, which the security configuration "emr-sc" turns on. Set hadoop.rpc.protection to privacy, or remove it.',
        ]);
    });

    it("reads configurationsJson as the provider's Go decoder does: any case of a member name, Unicode folding, duplicates, maps merged", async () => {
        const weak = (text: string) =>
            verdicts([SC(), classic({ configurationsJson: text })]).then((v) => v.weakens.map((m) => m.split(" switches")[0]));
        const rpc = '"hadoop.rpc.protection":"authentication"';
        // encoding/json matches a member to a field case-insensitively, with simple folding (ſ is s).
        assert.deepStrictEqual(await weak(`[{"CLASSIFICATION":"core-site","PROPERTIES":{${rpc}}}]`), [
            'cluster: core-site hadoop.rpc.protection="authentication"',
        ]);
        assert.deepStrictEqual(await weak(`[{"Claſſification":"core-site","Propertieſ":{${rpc}}}]`), [
            'cluster: core-site hadoop.rpc.protection="authentication"',
        ]);
        // The last Classification wins; both spellings of Properties fill one map.
        assert.deepStrictEqual(
            await weak(`[{"Classification":"hdfs-site","classification":"core-site","Properties":{${rpc}},"properties":{"a":"b"}}]`),
            ['cluster: core-site hadoop.rpc.protection="authentication"'],
        );
        // A second Properties object with the same spelling merges into the same map too (JSON.parse would keep only the last).
        assert.deepStrictEqual(await weak(`[{"Classification":"core-site","Properties":{${rpc}},"Properties":{}}]`), [
            'cluster: core-site hadoop.rpc.protection="authentication"',
        ]);
        // null empties the map; a member that names no field (CloudFormation's ConfigurationProperties) is not sent.
        assert.deepStrictEqual(await weak(`[{"Classification":"core-site","Properties":{${rpc}},"properties":null}]`), []);
        assert.deepStrictEqual(await weak(`[{"Classification":"core-site","ConfigurationProperties":{${rpc}}}]`), []);
        // Hadoop trims property names.
        assert.deepStrictEqual(await weak('[{"Classification":"core-site","Properties":{"hadoop.rpc.protection ":"authentication"}}]'), [
            'cluster: core-site hadoop.rpc.protection="authentication"',
        ]);
    });

    it("judges each boolean as its application parses it: Hadoop's getBoolean falls back to its default (off) for 0, no, off, empty or null", async () => {
        for (const value of ["0", "no", "off", "", null, " FALSE "]) {
            const text = JSON.stringify([{ Classification: "hdfs-site", Properties: { "dfs.encrypt.data.transfer": value } }]);
            const { weakens } = await verdicts([SC(), classic({ configurationsJson: text })]);
            assert.strictEqual(weakens.length, 1, JSON.stringify(value));
            assert.match(weakens[0], /switches off local-disk encryption/);
        }
        // Spark refuses a value that is not a boolean and does not start: a review, not a weakening.
        const spark = await verdicts([SC(), classic({ configurationsJson: json("spark-defaults", { "spark.authenticate": "no" }) })]);
        assert.deepStrictEqual(spark.weakens, []);
        assert.match(spark.review[0], /neither true nor false: the application refuses it and does not start/);
        // ZooKeeper's Boolean.parseBoolean reads anything but "true" as false.
        const zk = await verdicts([SC(), classic({ configurationsJson: json("zookeeper-config", { sslQuorum: " true" }) }, "emr-7.4.0")]);
        assert.strictEqual(zk.weakens.length, 1);
    });

    it("reads a core-site key where Hadoop reads it too (hdfs-site, yarn-site, mapred-site), and not a classification EMR does not apply (nested under another)", async () => {
        for (const classification of ["hdfs-site", "yarn-site", "mapred-site"]) {
            const { weakens } = await verdicts([
                SC(),
                classic({ configurationsJson: json(classification, { "hadoop.rpc.protection": "authentication" }) }),
            ]);
            assert.strictEqual(weakens.length, 1, classification);
        }
        const nested = JSON.stringify([
            {
                Classification: "hadoop-env",
                Configurations: [{ Classification: "presto-config", Properties: { "http-server.http.enabled": "true" } }],
            },
        ]);
        assert.deepStrictEqual((await verdicts([SC(), classic({ configurationsJson: nested })])).weakens, []);
    });

    it("Spark History Server TLS is EMR's from 5.3.0 (in-transit support matrix, port 18480): spark.ssl.historyServer.enabled=false is a violation", async () => {
        const { weakens } = await verdicts([
            SC(),
            classic({ configurationsJson: json("spark-defaults", { "spark.ssl.historyServer.enabled": "false" }) }, "emr-5.3.0"),
        ]);
        assert.strictEqual(weakens.length, 1);
    });

    it("reads an inline configurations string as the provider's json.Decoder does: the first value, the rest unread", async () => {
        const first = JSON.stringify([{ Classification: "core-site", Properties: { "hadoop.rpc.protection": "authentication" } }]);
        for (const text of [`${first} []`, `${first} trailing words`]) {
            assert.strictEqual((await verdicts([SC(), classic({ configurations: text })])).weakens.length, 1, text);
        }
        // configurations_json goes through json.Unmarshal, which refuses the same text outright.
        const refused = await verdicts([SC(), classic({ configurationsJson: `${first} []` })]);
        assert.deepStrictEqual(refused.weakens, []);
        assert.match(refused.review[0], /after top-level value at offset \d+\); the provider refuses them and the deployment fails/);
        const typed = await verdicts([SC(), classic({ configurationsJson: '[{"Classification":"core-site","Properties":{"a":1}}]' })]);
        assert.match(typed.review[0], /cannot unmarshal number into Go value of type string/);
    });

    it("reviews an instance group whose cluster is not in this stack, rather than passing it over", async () => {
        const group: PolicyResource = {
            type: "aws:emr/instanceGroup:InstanceGroup",
            name: "tasks",
            urn: "urn:pulumi:s::p::aws:emr/instanceGroup:InstanceGroup::tasks",
            props: { clusterId: "j-ELSEWHERE", configurationsJson: json("mapred-site", { "mapreduce.shuffle.ssl.enabled": "false" }) },
        };
        const { weakens, review } = await verdicts([SC(), group]);
        assert.deepStrictEqual(weakens, []);
        assert.deepStrictEqual(review, [
            'Cannot verify the application settings of InstanceGroup "tasks": its cluster "j-ELSEWHERE" is not in this stack, so its security configuration is unknown here. Check them against it, or manage the cluster in this stack.',
        ]);
    });

    it("judges a new cluster's own settings at preview, though its ARN is not known yet", async () => {
        const cluster = classic({ arn: UNKNOWN, configurationsJson: json("core-site", { "hadoop.rpc.protection": "authentication" }) });
        const found = await findings(emrClusterApplicationEncryption, [SC(), cluster], { preview: true });
        assert.deepStrictEqual(
            found.map((f) => [f.level, f.deferral]),
            [["mandatory", undefined]],
        );
        assert.match(found[0].message, /^cluster: core-site hadoop\.rpc\.protection="authentication" switches off/);
    });

    it("names an instance group it cannot link to its cluster at preview as a deferral, never silence", async () => {
        const cluster = classic({ arn: UNKNOWN });
        const group: PolicyResource = {
            type: "aws:emr/instanceGroup:InstanceGroup",
            name: "tasks",
            urn: "urn:pulumi:s::p::aws:emr/instanceGroup:InstanceGroup::tasks",
            props: { clusterId: UNKNOWN, configurationsJson: json("mapred-site", { "mapreduce.shuffle.ssl.enabled": "false" }) },
        };
        const quiet: PolicyResource = { ...group, name: "plain", urn: `${group.urn}-plain`, props: { clusterId: UNKNOWN } };
        assert.deepStrictEqual(await findings(emrClusterApplicationEncryption, [SC(), cluster, group, quiet], { preview: true }), []);
        const review = await findings(emrClusterApplicationEncryptionReview, [SC(), cluster, group, quiet], { preview: true });
        assert.deepStrictEqual(
            review.map((f) => [f.resource, f.level, f.deferral]),
            [[group.urn, "advisory", { policy: "emr-cluster-application-encryption", unknown: ".clusterId" }]],
        );
        assert.match(
            review[0].message,
            /application settings of InstanceGroup "tasks" cannot be matched to its cluster's security configuration yet/,
        );
    });

    it("defers values unknown at preview, as the other rules do", async () => {
        const found = await findings(emrClusterApplicationEncryption, [SC(), classic({ configurationsJson: UNKNOWN })], { preview: true });
        assert.deepStrictEqual(
            found.map((f) => f.level),
            ["advisory"],
        );
        assert.match(found[0].message, /can't run policy 'emr-cluster-application-encryption' during preview/);
    });
});

describe("emr-cluster-application-encryption-review", () => {
    it("keeps the documented opt-outs advisory, with AWS's condition: hostname verifier, metastore TLS with Kerberos, Oozie HTTPS", async () => {
        const configurations = JSON.stringify([
            { Classification: "core-site", Properties: { "hadoop.ssl.hostname.verifier": "ALLOW_ALL" } },
            { Classification: "hive-site", Properties: { "hive.metastore.use.SSL": "false" } },
            { Classification: "oozie-site", Properties: { "oozie.https.enabled": "false" } },
        ]);
        const { weakens, review } = await verdicts([SC(), classic({ configurationsJson: configurations }, "emr-7.3.0")]);
        assert.deepStrictEqual(weakens, []);
        assert.strictEqual(review.length, 3);
        assert.match(review[0], /ALLOW_ALL for certificates without the Region's wildcard DNS name/);
        assert.match(review[1], /with in-transit encryption and Kerberos, for Spark and Livy apps .*SPARK-44114/);
        assert.match(review[2], /Oozie's hostname verification/);
    });

    it("refuses the metastore opt-out without Kerberos, and the verifier opt-out with the EMR certificate provider", async () => {
        const noKerberos = mutated((d) => delete d.AuthenticationConfiguration);
        const metastore = json("hive-site", { "hive.metastore.use.SSL": "false" });
        assert.strictEqual((await verdicts([SC(noKerberos), classic({ configurationsJson: metastore }, "emr-7.3.0")])).weakens.length, 1);
        const emrProvider = mutated(
            (d) =>
                (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration = {
                    CertificateProviderType: "EMR",
                }),
        );
        const verifier = json("core-site", { "hadoop.ssl.hostname.verifier": "ALLOW_ALL" });
        assert.strictEqual((await verdicts([SC(emrProvider), classic({ configurationsJson: verifier }, "emr-7.11.0")])).weakens.length, 1);
    });

    it("cannot verify a URL or file, nor a configuration outside the stack: advisory, never a pass", async () => {
        for (const configurations of ["https://s3.amazonaws.com/bucket/config.json", "./config.json"]) {
            const { weakens, review } = await verdicts([SC(), classic({ configurations })]);
            assert.deepStrictEqual(weakens, []);
            assert.match(review[0], /^Cannot verify the cluster's application settings: configurations names a URL or file/);
        }
        const elsewhere = await verdicts([classic({ configurationsJson: json("spark-defaults", { "spark.authenticate": "false" }) })]);
        assert.match(elsewhere.review[0], /against its security configuration "emr-sc": it is not in this stack/);
    });

    it("reviews unverified rows, ineffective values and near-miss keys, with the doubt in the message", async () => {
        const configurations = JSON.stringify([
            { Classification: "trino-config", Properties: { "http-server.http.enabled": "true" } },
            { Classification: "spark-defaults", Properties: { "spark.ssl.ui.enabled": "false", "spark.authenticate": "yes" } },
            { Classification: "hive-site", Properties: { "hive.server2.use.ssl": "false" } },
            { Classification: "flink-conf", Properties: { "security.ssl.protocol": "TLSv1.2" } },
        ]);
        const { weakens, review } = await verdicts([SC(), classic({ configurationsJson: configurations })]);
        assert.deepStrictEqual(weakens, []);
        assert.deepStrictEqual(
            review.map(
                (m) =>
                    m.split(":")[0] +
                    ": " +
                    (m.includes("unverified")
                        ? "unverified"
                        : m.includes("neither true nor false")
                          ? "ineffective"
                          : m.includes("case-sensitive")
                            ? "near miss"
                            : "advice"),
            ),
            ["cluster: unverified", "cluster: unverified", "cluster: ineffective", "cluster: near miss", "cluster: advice"],
        );
    });
});
