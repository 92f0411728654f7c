import * as assert from "assert";
import { checkPolicyConfig } from "../../policies/config";
import { evaluatePolicies } from "../../policies/evaluate";
import { exceptionWarnings, readExceptions } from "../../policies/exceptions";
import { RULES } from "../../policies/rules";

const CONFIGURATION = "aws:emr/securityConfiguration:SecurityConfiguration";
const urn = (name: string) => `urn:pulumi:dev::analytics::${CONFIGURATION}::${name}`;
/** A document without IMDSv2: emr-imdsv2 finds it, mandatory by default. */
const WITHOUT_IMDS = JSON.stringify({
    EncryptionConfiguration: { EnableAtRestEncryption: false, EnableInTransitEncryption: false },
});
const resources = ["legacy", "new"].map((name) => ({
    type: CONFIGURATION,
    name,
    urn: urn(name),
    props: { name, configuration: WITHOUT_IMDS },
}));

/** The shape Pulumi's docs give a local policy pack config file's exceptions: by id, a reason and match entries. */
const EXCEPTIONS = {
    "EXC-42": {
        reason: "A legacy agent needs IMDSv1 until it is replaced (SEC-481).",
        match: [{ policies: ["emr-imdsv2"], targets: [urn("legacy")] }],
    },
};

describe("policy exceptions (Pulumi's local policy pack config file)", () => {
    it("exempt a violation whose policy and resource URN share an entry, with the exception's id and reason, and no other", async () => {
        const findings = await evaluatePolicies(resources, { config: { exceptions: EXCEPTIONS } });
        const imds = findings.filter((f) => f.policy === "emr-imdsv2");
        assert.deepStrictEqual(
            imds.map((f) => [f.resource, f.level, f.exemption]),
            [
                [urn("legacy"), "mandatory", { id: "EXC-42", reason: EXCEPTIONS["EXC-42"].reason }],
                [urn("new"), "mandatory", undefined],
            ],
        );
        assert.ok(
            findings.filter((f) => f.policy !== "emr-imdsv2").every((f) => f.exemption === undefined),
            "the legacy configuration's other violations still count",
        );
    });

    it("are accepted in a pack config, and every malformed one is named", () => {
        assert.deepStrictEqual(checkPolicyConfig({ all: "mandatory", exceptions: EXCEPTIONS }, RULES), []);
        const problems = checkPolicyConfig(
            {
                exceptions: {
                    "EXC-1": { reason: " ", match: [{ policies: [], targets: [urn("legacy")] }] },
                    "EXC-2": { reason: "why", match: [], expires: "2027" },
                    "EXC-3": "all of it",
                },
            },
            RULES,
        );
        assert.deepStrictEqual(problems, [
            'exceptions["EXC-1"].reason must say why, in 1 to 2048 characters; got the string " "',
            'exceptions["EXC-1"].match[0].policies must list 1 to 100 policy names; got an array',
            'exceptions["EXC-2"] has "expires", which an exception does not take (reason, match)',
            'exceptions["EXC-2"].match must list 1 to 100 entries of policies and targets; got an array',
            'exceptions["EXC-3"] must be an object with reason and match; got the string "all of it"',
        ]);
    });

    it("that name a rule the pack lacks, or exempt nothing, are warnings, so that stale waivers show", () => {
        const { exceptions } = readExceptions({
            ...EXCEPTIONS,
            "EXC-7": { reason: "renamed rule", match: [{ policies: ["emr-imds-v2"], targets: [urn("legacy")] }] },
        });
        assert.deepStrictEqual(
            exceptionWarnings(
                exceptions,
                RULES.map((r) => r.name),
                new Set(["EXC-42"]),
            ),
            [
                'exception "EXC-7" names "emr-imds-v2", not a rule of this pack',
                'exception "EXC-7" exempted nothing in this run: remove it, or fix its policies and targets',
            ],
        );
        assert.deepStrictEqual(
            checkPolicyConfig({ exceptions: { "EXC-7": { reason: "x", match: [{ policies: ["nope"], targets: ["u"] }] } } }, RULES),
            [],
        );
    });

    it("never exempt a deferral: a check that waits for a value is no violation", async () => {
        const { UNKNOWN } = await import("../../policies/unknown");
        const findings = await evaluatePolicies([{ ...resources[0], props: { name: "legacy", configuration: UNKNOWN } }], {
            config: { exceptions: EXCEPTIONS },
            preview: true,
        });
        assert.ok(findings.length > 0 && findings.every((f) => f.deferral && !f.exemption), JSON.stringify(findings));
    });
});
