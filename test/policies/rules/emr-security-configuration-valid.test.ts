import * as assert from "assert";
import { evaluatePolicies, PolicyResource, UNKNOWN } from "../../../policies/evaluate";
import { emrSecurityConfigurationValid } from "../../../policies/rules/emr-security-configuration-valid";
import { example, exampleText } from "../../fixtures";

const RULE = "emr-security-configuration-valid";
const classic = (configuration: unknown): PolicyResource => ({
    type: "aws:emr/securityConfiguration:SecurityConfiguration",
    name: "sc",
    props: { configuration },
});
const native = (securityConfiguration: unknown): PolicyResource => ({
    type: "aws-native:emr:SecurityConfiguration",
    name: "sc",
    props: { securityConfiguration },
});

async function findings(resource: PolicyResource, options: { preview?: boolean; config?: Record<string, unknown> } = {}) {
    return (await evaluatePolicies([resource], options, [emrSecurityConfigurationValid])).map((f) => ({
        level: f.level,
        message: f.message,
    }));
}

describe(RULE, () => {
    it("passes a valid document as a classic string and as an aws-native object", async () => {
        assert.deepStrictEqual(await findings(classic(exampleText("valid-05-per-bucket-overrides.json"))), []);
        assert.deepStrictEqual(await findings(native(example("valid-05-per-bucket-overrides.json"))), []);
    });

    it("fails an invalid document with each problem and its path", async () => {
        assert.deepStrictEqual(await findings(classic(exampleText("invalid-01-sse-c-mode.json"))), [
            {
                level: "mandatory",
                message:
                    'The security configuration is not one EMR accepts:\n/EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration/EncryptionMode: EncryptionMode must be "SSE-S3", "SSE-KMS", "CSE-KMS" or "CSE-Custom"; got "SSE-C"',
            },
        ]);
    });

    it("fails text that is not JSON", async () => {
        const [finding] = await findings(classic('{"EncryptionConfiguration": '));
        assert.match(
            finding.message,
            /^The security configuration is not one EMR accepts:\n\(document\): The security configuration is not valid JSON/,
        );
    });

    it("fails a string boolean", async () => {
        const doc = example("valid-01-sse-s3-only.json") as any;
        doc.EncryptionConfiguration.EnableAtRestEncryption = "true";
        assert.strictEqual((await findings(native(doc))).length, 1);
    });

    it("applies the configured release label", async () => {
        const text = exampleText("valid-11-kerberos-external-mit-kdc.json");
        assert.deepStrictEqual(await findings(classic(text), { config: { [RULE]: { releaseLabel: "emr-7.5.0" } } }), []);
        const [finding] = await findings(classic(text), { config: { [RULE]: { releaseLabel: "emr-5.19.0" } } });
        assert.match(finding.message, /Provider "ExternalKdc" needs EMR 5\.20\.0 and later; emr-5\.19\.0 does not support it/);
    });

    it("neither passes nor fails a document unknown at preview: it defers to the update", async () => {
        assert.deepStrictEqual(await findings(classic(UNKNOWN), { preview: true }), [
            {
                level: "advisory",
                message: `can't run policy '${RULE}' during preview: string value at .configuration can't be known during preview. It runs at update, before the resource is created.`,
            },
        ]);
        const doc = example("valid-03-cse-kms.json") as any;
        doc.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = UNKNOWN;
        const [finding] = await findings(native(doc), { preview: true });
        assert.strictEqual(finding.level, "advisory");
        assert.match(finding.message, /AwsKmsKey can't be known during preview/);
    });

    it("gives no finding when disabled", async () => {
        assert.deepStrictEqual(await findings(classic("not json"), { config: { [RULE]: "disabled" } }), []);
    });

    it("ignores other resource types", async () => {
        assert.deepStrictEqual(
            await findings({ type: "aws:s3/bucket:Bucket", name: "b", props: { configuration: "not json" } } as never),
            [],
        );
    });
});
