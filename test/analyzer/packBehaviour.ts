/**
 * What the policy pack must answer over the analyzer protocol, as the Pulumi CLI asks it: the same
 * tests for the pack in the repository and for the pack as a team publishes it.
 */
import * as assert from "assert";
import { UNKNOWN } from "../../policies/evaluate";
import { RULES } from "../../policies/rules";
import { PackClient, secret, WireResource } from "./client";
import { DOCUMENT_RULES, hardened, mutated } from "../policies/helpers";

const SC = "aws:emr/securityConfiguration:SecurityConfiguration";
const sc = (configuration: unknown, name = "sc"): WireResource => ({ type: SC, name, props: { name, configuration } });

/** Registers the protocol tests for the pack that `where` returns (its folder), started once. */
export function exercise(where: () => string): void {
    let pack: PackClient;
    before(async function () {
        this.timeout(180000);
        pack = await PackClient.start(where());
    });
    after(() => pack?.close());
    beforeEach(() => pack.configure({}));

    it("GetAnalyzerInfo lists every rule with its metadata and config schema", async () => {
        const info = await pack.info();
        assert.strictEqual(info.name, "emr-security");
        assert.strictEqual(info.version, "0.1.0");
        assert.strictEqual(info.supportsconfig, true);
        assert.deepStrictEqual(
            info.policiesList.map((p) => p.name),
            RULES.map((r) => r.name),
        );
        for (const policy of info.policiesList) {
            assert.ok(
                policy.description &&
                    policy.remediationSteps &&
                    policy.severity &&
                    policy.framework?.reference &&
                    policy.tagsList.length > 0,
                policy.name,
            );
        }
        const schemaKeys = (name: string) =>
            (info.policiesList.find((p) => p.name === name)!.configschema?.properties?.fieldsMap ?? []).map(([key]) => key);
        assert.deepStrictEqual(schemaKeys("emr-s3-encryption"), ["allowedModes"]);
        assert.deepStrictEqual(schemaKeys("emr-kms-key-policy"), ["instanceProfileRoleArns", "serviceRoleArns"]);
    });

    it("Analyze passes the hardened document and fails an insecure one, rule by rule", async () => {
        assert.deepStrictEqual(await pack.analyze(sc(JSON.stringify(hardened()))), []);
        const insecure = mutated((d) => {
            d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration = { EncryptionMode: "SSE-S3" };
            d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EnableEbsEncryption = "true";
            delete d.InstanceMetadataServiceConfiguration;
        });
        const found = await pack.analyze(sc(JSON.stringify(insecure)));
        assert.deepStrictEqual(
            found.map((d) => `${d.level} ${d.policy}`),
            [
                "mandatory emr-security-configuration-valid",
                "mandatory emr-s3-encryption",
                "mandatory emr-ebs-encryption",
                "mandatory emr-imdsv2",
            ],
        );
        assert.match(found[2].message, /EnableEbsEncryption is the string "true", not a JSON boolean/);
    });

    it("Configure changes levels and options", async () => {
        await pack.configure({ all: "advisory", "emr-s3-encryption": { allowedModes: ["SSE-S3"] }, "emr-imdsv2": "disabled" });
        const insecure = mutated((d) => {
            d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration = { EncryptionMode: "SSE-S3" };
            delete d.InstanceMetadataServiceConfiguration;
        });
        assert.deepStrictEqual(await pack.analyze(sc(JSON.stringify(insecure))), []);
        const found = await pack.analyze(sc(JSON.stringify(mutated((d) => (d.EncryptionConfiguration.EnableAtRestEncryption = false)))));
        assert.ok(found.length > 0 && found.every((d) => d.level === "advisory"));
    });

    it("Analyze defers a document unknown at preview: one advisory per rule, saying when it runs", async () => {
        const found = await pack.analyze(sc(UNKNOWN));
        assert.deepStrictEqual(
            found.map((d) => d.policy),
            DOCUMENT_RULES,
        );
        for (const d of found) {
            assert.strictEqual(d.level, "advisory");
            assert.match(
                d.message,
                /^can't run policy '[a-z0-9-]+' from policy pack 'emr-security@v0\.1\.0' during preview: string value at \.configuration can't be known during preview; the check runs at update, before the resource is created$/,
            );
        }
    });

    it("Analyze reads a secret document and never echoes a secret", async () => {
        const found = await pack.analyze(
            sc(secret(JSON.stringify(mutated((d) => (d.EncryptionConfiguration.EnableInTransitEncryption = false))))),
        );
        assert.deepStrictEqual(
            found.map((d) => d.policy),
            ["emr-in-transit-encryption", "emr-encryption-flags"],
        );
        const stack = await pack.analyzeStack([
            sc(JSON.stringify(hardened()), "emr-sc"),
            {
                type: "aws:emr/cluster:Cluster",
                name: "c",
                props: { securityConfiguration: "emr-sc", kerberosAttributes: secret({ kdcAdminPassword: "kdc-Secret-1" }) },
            },
        ]);
        const kerberos = stack.filter((d) => d.policy === "emr-cluster-kerberos-attributes");
        assert.deepStrictEqual(
            kerberos.map((d) => d.urn.split("::").pop()),
            ["c"],
        );
        assert.match(kerberos[0].message, /have no realm/);
        assert.ok(stack.every((d) => !d.message.includes("kdc-Secret-1")));
    });

    it("AnalyzeStack defers when a name it needs is unknown", async () => {
        const found = await pack.analyzeStack([
            sc(JSON.stringify(hardened()), UNKNOWN),
            {
                type: "aws:emr/cluster:Cluster",
                name: "c",
                props: { securityConfiguration: UNKNOWN, ec2Attributes: UNKNOWN, logUri: UNKNOWN },
            },
        ]);
        assert.deepStrictEqual(
            found.map((d) => [d.policy, d.level]),
            [
                ["emr-cluster-kerberos-attributes", "advisory"],
                ["emr-cluster-application-encryption", "advisory"],
                ["emr-cluster-application-encryption-review", "advisory"],
                ["emr-cluster-network-isolation", "advisory"],
                ["emr-cluster-network-isolation-review", "advisory"],
                ["emr-cluster-logging", "advisory"],
            ],
        );
    });

    it("Remediate turns key rotation on at level remediate, and only then", async () => {
        const key: WireResource = { type: "aws:kms/key:Key", name: "k", props: { enableKeyRotation: false, description: "d" } };
        assert.deepStrictEqual(await pack.remediate(key), []);
        await pack.configure({ "kms-key-rotation": "remediate" });
        assert.deepStrictEqual(await pack.remediate(key), [
            { policy: "kms-key-rotation", properties: { enableKeyRotation: true, description: "d" } },
        ]);
    });
}
