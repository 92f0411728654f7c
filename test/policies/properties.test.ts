import * as assert from "assert";
import fc from "fast-check";
import { evaluatePolicies, PolicyResource } from "../../policies/evaluate";
import { validateSecurityConfiguration } from "../../policies/model";
import { example, exampleNames } from "../fixtures";
import { hardened } from "./helpers";

/** Runs per property; the two properties below make 10,000 generated documents per run. */
const RUNS = 5000;
const SEEDS = [hardened(), ...exampleNames("valid").map(example)];

/** A document and a cluster and key around it, in both resource shapes, for every rule to read. */
function stackAround(document: unknown): PolicyResource[] {
    return [
        {
            type: "aws:emr/securityConfiguration:SecurityConfiguration",
            name: "sc",
            props: { name: "sc", configuration: JSON.stringify(document) },
        },
        { type: "aws-native:emr:SecurityConfiguration", name: "native", props: { name: "native", securityConfiguration: document } },
        {
            type: "aws:emr/cluster:Cluster",
            name: "c",
            props: { securityConfiguration: "sc", kerberosAttributes: document, ec2Attributes: document },
        },
        {
            type: "aws:kms/key:Key",
            name: "k",
            props: { arn: "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01", policy: document },
        },
    ];
}

/** One random change to a JSON value: drop a key, replace a value, recase a key, or turn a boolean into a string. */
const mutation = fc.tuple(fc.nat(), fc.constantFrom("drop", "replace", "recase", "stringify"), fc.jsonValue({ maxDepth: 2 }));

function mutate(document: unknown, [pick, kind, replacement]: [number, string, unknown]): unknown {
    const copy = JSON.parse(JSON.stringify(document));
    const slots: [Record<string, unknown>, string][] = [];
    const collect = (value: unknown) => {
        if (typeof value === "object" && value !== null) {
            for (const key of Object.keys(value)) {
                slots.push([value as Record<string, unknown>, key]);
                collect((value as Record<string, unknown>)[key]);
            }
        }
    };
    collect(copy);
    if (slots.length === 0) {
        return replacement;
    }
    const [parent, key] = slots[pick % slots.length];
    switch (kind) {
        case "drop":
            if (Array.isArray(parent)) {
                parent.splice(Number(key), 1);
            } else {
                delete parent[key];
            }
            break;
        case "replace":
            parent[key] = replacement;
            break;
        case "recase":
            if (Array.isArray(parent)) {
                break;
            }
            parent[key.toLowerCase()] = parent[key];
            delete parent[key];
            break;
        default:
            parent[key] = JSON.stringify(parent[key]);
    }
    return copy;
}

describe("properties of the pack (fast-check)", function () {
    this.timeout(60000);

    it(`no rule throws on arbitrary JSON (${RUNS} documents)`, async () => {
        await fc.assert(
            fc.asyncProperty(fc.jsonValue(), async (document) => {
                const found = await evaluatePolicies(stackAround(document));
                assert.ok(Array.isArray(found));
            }),
            { numRuns: RUNS },
        );
    });

    it(`no rule throws on mutated valid documents, and the validator notices every mutation it must (${RUNS} documents)`, async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (seed, mutations) => {
                const document = mutations.reduce(mutate, seed);
                const found = await evaluatePolicies(stackAround(document));
                const problems = validateSecurityConfiguration(document);
                const validFinding = found.filter((f) => f.policy === "emr-security-configuration-valid");
                // The rule and the validator agree: a finding for each shape exactly when there are problems.
                assert.strictEqual(validFinding.length, problems.length > 0 ? 2 : 0);
            }),
            { numRuns: RUNS },
        );
    });
});
