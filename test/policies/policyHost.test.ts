/**
 * The adapter over `@pulumi/policy`'s internals, held to the real policy host: rules written with
 * the framework's typed helpers (which rely on `isType`) give the same findings in process as the
 * host gives them over the analyzer protocol.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies, PolicyFinding } from "../../policies/evaluate";
import { isTypeOf, isUnknownValueError, unknownCheckingProxy } from "../../policies/policyHost";
import { UNKNOWN } from "../../policies/unknown";
import { PackClient, WireResource } from "../analyzer/client";

const ROOT = path.join(__dirname, "../..");

/** Two rules that only work when `isType` answers as the host does. Plain JavaScript, so the host loads the same file. */
const TYPED_RULES = `const { validateResourceOfType, validateStackResourcesOfType } = require("@pulumi/policy");
const { Key } = require("@pulumi/aws/kms/key");
exports.rules = [
    {
        name: "typed-key-rotation",
        description: "Keys rotate.",
        enforcementLevel: "mandatory",
        validateResource: validateResourceOfType(Key, (key, _args, report) => {
            if (key.enableKeyRotation !== true) report("rotation is off");
        }),
    },
    {
        name: "typed-one-key",
        description: "One key at most.",
        enforcementLevel: "mandatory",
        validateStack: validateStackResourcesOfType(Key, (keys, _args, report) => {
            if (keys.length > 1) report(keys.length + " keys");
        }),
    },
];
`;

const RESOURCES: WireResource[] = [
    { type: "aws:kms/key:Key", name: "a", props: { enableKeyRotation: false } },
    { type: "aws:kms/key:Key", name: "b", props: { enableKeyRotation: true } },
    { type: "aws:s3/bucket:Bucket", name: "not-a-key", props: { enableKeyRotation: false } },
];
const urnOf = (r: WireResource) => `urn:pulumi:stack::project::${r.type}::${r.name}`;

/** Rule, resource name and the rule's own words (the host puts the rule's description before them). */
const summary = (findings: { policy: string; urn?: string; resource?: string; message: string }[]) =>
    findings.map((f) => `${f.policy} ${(f.urn || f.resource || "").split("::").pop()} ${f.message.split("\n").pop()}`).sort();

describe("the policy-host adapter", function () {
    this.timeout(60000);
    const dir = path.join(ROOT, "test/.tmp/typed-pack");
    let pack: PackClient;
    let rules: (ResourceValidationPolicy | StackValidationPolicy)[];

    before(async function () {
        this.timeout(120000);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "rules.js"), TYPED_RULES);
        fs.writeFileSync(
            path.join(dir, "index.js"),
            'const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("typed", { policies: require("./rules").rules });\n',
        );
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "typed", version: "0.0.1", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        rules = require(path.join(dir, "rules.js")).rules;
        pack = await PackClient.start(dir);
    });
    after(() => {
        pack?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("answers isType as the host does: typed rules fire on their type only, in process and in the host alike", async () => {
        const inProcess: PolicyFinding[] = await evaluatePolicies(
            RESOURCES.map((r) => ({ ...r, urn: urnOf(r) })),
            {},
            rules,
        );
        const analyzed = await Promise.all(RESOURCES.map(async (r) => (await pack.analyze(r)).map((d) => ({ ...d, urn: urnOf(r) }))));
        const host = [...analyzed.flat(), ...(await pack.analyzeStack(RESOURCES))];
        assert.deepStrictEqual(summary(inProcess), ["typed-key-rotation a rotation is off", "typed-one-key  2 keys"]);
        assert.deepStrictEqual(summary(inProcess), summary(host));
    });

    it("reads a class's __pulumiType first, then its isInstance, and nothing else", () => {
        assert.strictEqual(isTypeOf("aws:kms/key:Key", { __pulumiType: "aws:kms/key:Key" }), true);
        assert.strictEqual(isTypeOf("aws:kms/key:Key", { __pulumiType: "aws:s3/bucket:Bucket", isInstance: () => true }), false);
        assert.strictEqual(isTypeOf("x:y:Z", { isInstance: (o: { __pulumiType: string }) => o.__pulumiType === "x:y:Z" }), true);
        for (const notAClass of [undefined, null, 1, "aws:kms/key:Key", {}]) {
            assert.strictEqual(isTypeOf("aws:kms/key:Key", notAClass), false);
        }
    });

    it("exposes the host's unknown-value proxy: reading an unknown throws the error the host reports", () => {
        const props = unknownCheckingProxy({ known: 1, nested: { value: UNKNOWN } });
        assert.strictEqual(props.known, 1);
        let thrown: unknown;
        try {
            void props.nested.value;
        } catch (e) {
            thrown = e;
        }
        assert.ok(isUnknownValueError(thrown));
        assert.match((thrown as Error).message, /string value at \.nested\.value can't be known during preview/);
    });
});
