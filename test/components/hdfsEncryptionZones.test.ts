import * as assert from "assert";
import { mergeClusterConfigurations } from "../../components/clusterConfigurations";
import { hdfsEncryptionZones } from "../../components/hdfsEncryptionZones";
import { SecureEmrBaseline } from "../../components/secureEmrBaseline";
import { BASELINE_ARGS, useMocks, valueOf, withWarnings } from "../mocks";

describe("hdfsEncryptionZones", () => {
    it("gives the classification EMR documents, zones sorted by path, and the KMS classifications asked for", () => {
        const warnings: string[] = [];
        const configurations = hdfsEncryptionZones(
            [
                { path: "/myHDFSPath2", keyName: "path2_key" },
                { path: "/myHDFSPath1", keyName: "path1_key" },
            ],
            {
                kmsAcls: { "hadoop.kms.acl.ROLLOVER": "myAllowedUser", "hadoop.kms.blacklist.CREATE": "hdfs,foo,myBannedUser" },
                kmsSite: { "hadoop.kms.cache.enable": "false" },
                onWarning: (m) => warnings.push(m),
            },
        );
        assert.strictEqual(
            JSON.stringify(configurations),
            JSON.stringify([
                { Classification: "hdfs-encryption-zones", Properties: { "/myHDFSPath1": "path1_key", "/myHDFSPath2": "path2_key" } },
                {
                    Classification: "hadoop-kms-acls",
                    Properties: { "hadoop.kms.acl.ROLLOVER": "myAllowedUser", "hadoop.kms.blacklist.CREATE": "hdfs,foo,myBannedUser" },
                },
                { Classification: "hadoop-kms-site", Properties: { "hadoop.kms.cache.enable": "false" } },
            ]),
        );
        assert.deepStrictEqual(warnings, []);
        assert.ok(
            !JSON.stringify(hdfsEncryptionZones([{ path: "/", keyName: "all" }])).includes("Configurations"),
            "never an empty Configurations",
        );
    });

    it("throws one error listing every problem by index and field", () => {
        assert.throws(
            () =>
                hdfsEncryptionZones(
                    [
                        { path: "/data/Finance", keyName: "FinanceKey" },
                        { path: "data", keyName: "k1" },
                        { path: "/data//x/", keyName: "k2" },
                        { path: "/data/Finance", keyName: "k3" },
                        { path: "/.reserved/raw", keyName: "k4" },
                    ],
                    { kmsAcls: { "hadoop.kms.acl.EVERYTHING": "*" } },
                ),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        "Invalid HDFS encryption zones:",
                        '  - zones[0].keyName must be lower case: Hadoop KMS refuses upper-case key names, and the cluster fails at launch; got "FinanceKey"',
                        '  - zones[1].path must be absolute (start with /); got "data"',
                        '  - zones[2].path must be normalised (no //, /./, /../ or trailing /); got "/data//x/"',
                        '  - zones[3].path is "/data/Finance", already zones[0].path: one zone per path',
                        '  - zones[4].path is under /.reserved, which HDFS keeps for itself; got "/.reserved/raw"',
                        '  - kmsAcls["hadoop.kms.acl.EVERYTHING"] is not a kms-acls.xml property (hadoop.kms.acl.<OP>, hadoop.kms.blacklist.<OP>, key.acl.<key>.<OP>, default.key.acl.<OP>, whitelist.key.acl.<OP>)',
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.throws(() => hdfsEncryptionZones([]), /zones must list at least one \{ path, keyName \}/);
    });

    it("warns about nested zones and a key shared by zones, which EMR does not document", () => {
        const warnings: string[] = [];
        hdfsEncryptionZones(
            [
                { path: "/data", keyName: "data" },
                { path: "/data/pii", keyName: "data" },
            ],
            { onWarning: (m) => warnings.push(m) },
        );
        assert.deepStrictEqual(warnings, [
            "HDFS encryption zone /data contains /data/pii: Hadoop supports nested zones (the nearest one's key applies), but how EMR creates them from one classification is not documented. Prefer zones side by side.",
            "Hadoop KMS key data serves several zones (/data, /data/pii): whether EMR accepts that is not documented; give each zone its own key.",
        ]);
    });
});

describe("hdfsEncryptionZones, hostile and large input", () => {
    it("refuses what HDFS refuses: a path component with ':' (DFSUtil.isValidName), and control characters EMR's XML cannot carry", () => {
        for (const [path, message] of [
            ["/data/a:b", /zones\[0\]\.path must not hold ":" in a path component, which HDFS refuses; got "\/data\/a:b"/],
            ["/data/x\ny", /zones\[0\]\.path must not hold control characters/],
        ] as const) {
            assert.throws(() => hdfsEncryptionZones([{ path, keyName: "k" }]), message);
        }
    });

    it("handles 100,000 zones, all nested under one and sharing one key, with bounded messages (the pairwise walk took 19 s for 20,000; it times out)", () => {
        const count = 100000;
        const zones = [
            { path: "/data", keyName: "k" },
            ...Array.from({ length: count }, (_, i) => ({ path: `/data/z${i}`, keyName: "k" })),
        ];
        const warnings: string[] = [];
        const [zonesClassification] = hdfsEncryptionZones(zones, { onWarning: (m) => warnings.push(m) });
        assert.strictEqual(Object.keys(zonesClassification.Properties ?? {}).length, count + 1);
        assert.strictEqual(warnings.length, 2);
        assert.ok(warnings.every((w) => w.length < 400));
        assert.match(warnings[0], new RegExp(`^HDFS encryption zone /data contains /data/z0, /data/z1, .*, ${count - 5} more:`));
    });
});

describe("mergeClusterConfigurations", () => {
    it("merges the properties of one classification, keeps the rest, and sorts properties", () => {
        const merged = mergeClusterConfigurations(hdfsEncryptionZones([{ path: "/a", keyName: "a" }]), [
            { Classification: "spark-defaults", Properties: { "spark.executor.memory": "4g" } },
            { Classification: "hdfs-encryption-zones", Properties: { "/b": "b" } },
            {
                Classification: "hadoop-env",
                Configurations: [{ Classification: "export", Properties: { JAVA_HOME: "/usr/lib/jvm/java-17" } }],
            },
        ]);
        assert.deepStrictEqual(merged, [
            { Classification: "hdfs-encryption-zones", Properties: { "/a": "a", "/b": "b" } },
            { Classification: "spark-defaults", Properties: { "spark.executor.memory": "4g" } },
            {
                Classification: "hadoop-env",
                Configurations: [{ Classification: "export", Properties: { JAVA_HOME: "/usr/lib/jvm/java-17" } }],
            },
        ]);
    });

    it("takes a list given as JSON text, such as the baseline's clusterConfigurationsJson, where it dropped it before", () => {
        const zones = JSON.stringify([{ Classification: "hdfs-encryption-zones", Properties: { "/data": "data" } }]);
        assert.deepStrictEqual(mergeClusterConfigurations(zones, [{ Classification: "core-site", Properties: { a: "b" } }]), [
            { Classification: "hdfs-encryption-zones", Properties: { "/data": "data" } },
            { Classification: "core-site", Properties: { a: "b" } },
        ]);
        assert.throws(() => mergeClusterConfigurations("{not json"), /lists\[0\] is text but not a JSON list of configurations/);
        assert.throws(
            () => mergeClusterConfigurations(7 as unknown as string),
            /lists\[0\] must be a list of configurations, or its JSON text; got the number 7/,
        );
    });

    it("handles any property name (constructor, toString, __proto__), and refuses a value that is not a string, as the provider does", () => {
        // JSON text, as a program reading a file would get it: "__proto__" is then a key like any other.
        const given = JSON.parse('{"Classification":"x","Properties":{"constructor":"a","toString":"b","__proto__":"c"}}');
        const [merged] = mergeClusterConfigurations([given], [{ Classification: "x", Properties: { constructor: "a" } }]);
        assert.deepStrictEqual(Object.keys(merged.Properties ?? {}).sort(), ["__proto__", "constructor", "toString"]);
        assert.throws(
            () =>
                mergeClusterConfigurations(
                    [{ Classification: "core-site", Properties: { a: 1 as unknown as string } }],
                    [{ Classification: "core-site", Properties: { a: "1" } }],
                ),
            /lists\[0\]\[0\] core-site "a" must be a string \(the provider decodes Properties as strings and refuses anything else\); got the number 1/,
        );
    });

    it("names a nested conflict where the caller wrote each value", () => {
        const env = (value: string) => [
            { Classification: "hadoop-env", Configurations: [{ Classification: "export", Properties: { JAVA_HOME: value } }] },
        ];
        assert.throws(
            () => mergeClusterConfigurations(env("/a"), env("/b")),
            /export "JAVA_HOME" is "\/a" in lists\[0\]\[0\]\.Configurations\[0\] and "\/b" in lists\[1\]\[0\]\.Configurations\[0\]: keep one value/,
        );
    });

    it("refuses a property given two different values, naming both", () => {
        assert.throws(
            () =>
                mergeClusterConfigurations(
                    [{ Classification: "core-site", Properties: { "hadoop.rpc.protection": "privacy" } }],
                    [{ Classification: "core-site", Properties: { "hadoop.rpc.protection": "authentication" } }],
                ),
            /core-site "hadoop.rpc.protection" is "privacy" in lists\[0\]\[0\] and "authentication" in lists\[1\]\[0\]: keep one value/,
        );
    });
});

describe("SecureEmrBaseline with HDFS encryption zones", () => {
    it("outputs clusterConfigurationsJson with the zones, and [] without them", async () => {
        await useMocks(false);
        const plain = new SecureEmrBaseline("plain", BASELINE_ARGS);
        assert.strictEqual(await valueOf(plain.clusterConfigurationsJson), "[]");
        const { result, warnings } = await withWarnings(async () => {
            const zoned = new SecureEmrBaseline("zoned", {
                ...BASELINE_ARGS,
                hdfsEncryptionZones: [
                    { path: "/data/pii", keyName: "pii" },
                    { path: "/data/finance", keyName: "finance" },
                ],
            });
            return valueOf(zoned.clusterConfigurationsJson);
        });
        assert.strictEqual(
            result,
            JSON.stringify([{ Classification: "hdfs-encryption-zones", Properties: { "/data/finance": "finance", "/data/pii": "pii" } }]),
        );
        assert.deepStrictEqual(warnings, []);
    });

    it("refuses bad zones at construction, with the argument's path", async () => {
        await useMocks(false);
        assert.throws(
            () => new SecureEmrBaseline("bad", { ...BASELINE_ARGS, hdfsEncryptionZones: [{ path: "data", keyName: "Data" }] }),
            /hdfsEncryptionZones\[0\]\.path must be absolute[\s\S]*hdfsEncryptionZones\[0\]\.keyName must be lower case/,
        );
    });
});
