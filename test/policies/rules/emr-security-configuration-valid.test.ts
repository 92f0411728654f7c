import * as assert from "assert";
import { emrSecurityConfigurationValid as rule } from "../../../policies/rules/emr-security-configuration-valid";
import { example, exampleNames, exampleText } from "../../fixtures";
import { messages, mutated, securityConfigurations, UNKNOWN } from "../helpers";

describe("emr-security-configuration-valid", () => {
    for (const name of exampleNames("valid")) {
        it(`Compliance: ${name}`, async () => {
            for (const resource of securityConfigurations(example(name))) {
                assert.deepStrictEqual(await messages(rule, resource), []);
            }
        });
    }
    for (const name of exampleNames("invalid")) {
        it(`Noncompliance: ${name}`, async () => {
            const [classic] = securityConfigurations(exampleText(name));
            const [message] = await messages(rule, classic);
            assert.match(message, /^The security configuration is not one EMR accepts:\n\//);
        });
    }

    it("Noncompliance: names each problem with its JSON pointer", async () => {
        const [classic] = securityConfigurations(exampleText("invalid-01-sse-c-mode.json"));
        assert.deepStrictEqual(await messages(rule, classic), [
            'The security configuration is not one EMR accepts:\n/EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration/EncryptionMode: EncryptionMode must be "SSE-S3", "SSE-KMS", "CSE-KMS" or "CSE-Custom"; got "SSE-C" [value-not-allowed]',
        ]);
    });

    it('Noncompliance: a boolean written as the string "true"', async () => {
        const document = mutated((d) => (d.EncryptionConfiguration.EnableAtRestEncryption = "true"));
        const [message] = await messages(rule, securityConfigurations(document)[1]);
        assert.match(message, /EnableAtRestEncryption must be a JSON boolean \(true or false\); got the string "true"/);
    });

    it("lists at most ten problems and counts the rest", async () => {
        const document = { EncryptionConfiguration: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Bogus${i}`, 1])) };
        const [message] = await messages(rule, securityConfigurations(document)[0]);
        assert.strictEqual(message.split("\n").length, 12);
        assert.match(message, /\.\.\. and 2 more$/);
    });

    it("applies the configured release label", async () => {
        const [classic] = securityConfigurations(exampleText("valid-11-kerberos-external-mit-kdc.json"));
        assert.deepStrictEqual(await messages(rule, classic, { config: { [rule.name]: { releaseLabel: "emr-7.5.0" } } }), []);
        const [message] = await messages(rule, classic, { config: { [rule.name]: { releaseLabel: "emr-5.19.0" } } });
        assert.match(message, /Provider "ExternalKdc" needs EMR 5\.20\.0 and later; emr-5\.19\.0 does not support it/);
    });

    it("defers an aws-native document with one unknown leaf", async () => {
        const document = mutated(
            (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = UNKNOWN),
        );
        const [message] = await messages(rule, securityConfigurations(document)[1], { preview: true });
        assert.match(message, /AwsKmsKey can't be known during preview; the check runs at update/);
    });
});
