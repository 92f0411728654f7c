import * as assert from "assert";
import { RULES } from "../../../policies/rules";
import { VALIDITY_RULE } from "../../../policies/analyses/kit";
import { DOCUMENT_RULES as DOCUMENT_RULE_NAMES, findings, hardened, securityConfigurations, UNKNOWN } from "../helpers";

/** The rules that read security-configuration documents; each must behave alike on these inputs. */
const DOCUMENT_RULES = RULES.filter((r) => DOCUMENT_RULE_NAMES.includes(r.name));

describe("every security-configuration rule", () => {
    it("covers the twelve document rules", () => assert.strictEqual(DOCUMENT_RULES.length, 12));

    for (const rule of DOCUMENT_RULES) {
        describe(rule.name, () => {
            it("passes the hardened document, as a classic string and as an aws-native object", async () => {
                assert.deepStrictEqual(await findings(rule, securityConfigurations(hardened())), []);
            });

            if (rule.name === VALIDITY_RULE) {
                it("fails text that is not JSON, naming the parse error", async () => {
                    const found = await findings(rule, securityConfigurations('{"EncryptionConfiguration": {'));
                    assert.strictEqual(found.length, 2);
                    for (const f of found) {
                        assert.strictEqual(f.level, rule.enforcementLevel);
                        assert.match(
                            f.message,
                            /^The security configuration is not valid JSON: .+\. Fix the document: EMR refuses it, and none of its settings can be checked\.$/,
                        );
                    }
                });

                it("fails a document that is a JSON array or a string", async () => {
                    for (const document of ["[]", '"SSE-KMS"']) {
                        const [finding] = await findings(rule, securityConfigurations(document).slice(0, 1));
                        assert.match(finding.message, /must be a JSON object/);
                    }
                });
            } else {
                it(`leaves text that is not a JSON object to ${VALIDITY_RULE}: one message per document, not one per rule`, async () => {
                    for (const document of ['{"EncryptionConfiguration": {', "[]", '"SSE-KMS"']) {
                        assert.deepStrictEqual(await findings(rule, securityConfigurations(document)), [], document);
                    }
                });
            }

            it("neither passes nor fails a document unknown at preview, saying it runs at update", async () => {
                const found = await findings(rule, securityConfigurations(UNKNOWN), { preview: true });
                assert.deepStrictEqual(
                    found.map((f) => [f.level, f.message]),
                    [
                        [
                            "advisory",
                            `can't run policy '${rule.name}' during preview: string value at .configuration can't be known during preview; the check runs at update, before the resource is created`,
                        ],
                        [
                            "advisory",
                            `can't run policy '${rule.name}' during preview: string value at .securityConfiguration can't be known during preview; the check runs at update, before the resource is created`,
                        ],
                    ],
                );
            });

            it("ignores resources of other types", async () => {
                assert.deepStrictEqual(
                    await findings(rule, [{ type: "aws:s3/bucket:Bucket", name: "b", props: { configuration: "not json" } }]),
                    [],
                );
            });

            it("gives nothing when disabled, and the configured level otherwise", async () => {
                // Text EMR cannot read fails the validity rule; an empty document, what the others check.
                const broken = securityConfigurations(rule.name === VALIDITY_RULE ? "not json" : "{}");
                const atDefault = await findings(rule, broken);
                assert.deepStrictEqual(await findings(rule, broken, { config: { [rule.name]: "disabled" } }), []);
                assert.deepStrictEqual(
                    (await findings(rule, broken, { config: { all: "advisory" } })).map((f) => f.level),
                    atDefault.map(() => "advisory"),
                );
            });
        });
    }
});
