import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { checkPolicyConfig } from "../../policies/config";
import { evaluatePolicies } from "../../policies/evaluate";
import { RULES } from "../../policies/rules";
import { runProgram } from "../deploy/runProgram";
import { policyResources } from "./fromMocks";
import { resource } from "./helpers";

const CONFIGS = path.join(__dirname, "../../policies/configs");
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(CONFIGS, name), "utf8")) as Record<string, unknown>;

describe("ready policy configs", () => {
    for (const name of ["financial-services.json", "advisory.json"]) {
        it(`${name} is a valid config for this pack`, () => assert.deepStrictEqual(checkPolicyConfig(load(name), RULES), []));
    }

    it("the strict profile makes every finding mandatory and holds tickets to 10 hours", async () => {
        const strict = load("financial-services.json");
        const run = async (config: Record<string, string>) => {
            const { mocks } = await runProgram({ "aws:region": "us-east-1", kerberosRealm: "EC2.INTERNAL", ...config });
            return (await evaluatePolicies(policyResources(mocks), { config: strict })).map((f) => `${f.level} ${f.policy}`);
        };
        assert.deepStrictEqual(await run({ ticketLifetimeInHours: "10" }), []);
        assert.deepStrictEqual(await run({}), ["mandatory emr-kerberos-authentication"]);
        assert.deepStrictEqual(await run({ ticketLifetimeInHours: "10", separateKeys: "false" }), ["mandatory emr-separate-kms-keys"]);
    });

    it("the strict profile blocks an open cluster, application or Studio but only flags what the stack cannot show, or a key nothing uses", async () => {
        const strict = load("financial-services.json");
        const cluster = (subnetId: string, groups: string) =>
            resource("aws:emr/cluster:Cluster", subnetId, {
                ec2Attributes: { subnetId, emrManagedMasterSecurityGroup: groups, emrManagedSlaveSecurityGroup: groups },
            });
        const stack = [
            cluster("subnet-shared", "sg-shared"),
            cluster("subnet-public", "sg-open"),
            resource("aws:ec2/subnet:Subnet", "public", { id: "subnet-public", mapPublicIpOnLaunch: true }),
            resource("aws:ec2/securityGroup:SecurityGroup", "open", {
                id: "sg-open",
                ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
            }),
            resource("aws:kms/key:Key", "retired", { arn: "arn:aws:kms:us-east-1:111122223333:key/retired", isEnabled: false }),
            resource("aws:emrserverless/application:Application", "spark", {
                networkConfiguration: { subnetIds: ["subnet-shared"], securityGroupIds: ["sg-open"] },
            }),
            resource("aws:emr/studio:Studio", "notebooks", {
                subnetIds: ["subnet-public"],
                workspaceSecurityGroupId: "sg-shared",
                engineSecurityGroupId: "sg-shared",
            }),
        ];
        const rules = [
            "emr-cluster-network-isolation",
            "emr-cluster-network-isolation-review",
            "emr-serverless-network-isolation",
            "emr-serverless-network-isolation-review",
            "emr-studio-network-isolation",
            "emr-studio-network-isolation-review",
            "kms-key-enabled",
            "kms-key-enabled-review",
        ];
        const found = (await evaluatePolicies(stack, { config: strict }))
            .filter((f) => rules.includes(f.policy))
            .map((f) => `${f.level} ${f.policy} ${f.resource?.split("::").pop()}`);
        assert.deepStrictEqual(found.sort(), [
            "advisory emr-cluster-network-isolation-review public",
            // its subnet and its security group, both in another stack
            "advisory emr-cluster-network-isolation-review subnet-shared",
            "advisory emr-cluster-network-isolation-review subnet-shared",
            "advisory emr-serverless-network-isolation-review spark",
            "advisory emr-studio-network-isolation-review notebooks",
            "advisory emr-studio-network-isolation-review public",
            "advisory kms-key-enabled-review retired",
            "mandatory emr-cluster-network-isolation open",
            "mandatory emr-cluster-network-isolation public",
            "mandatory emr-serverless-network-isolation open",
            "mandatory emr-studio-network-isolation public",
        ]);
    });

    it("the advisory profile never blocks", async () => {
        const { mocks } = await runProgram({ "aws:region": "us-east-1", inTransitEncryption: "false", enableEbsEncryption: "false" });
        const found = await evaluatePolicies(policyResources(mocks), { config: load("advisory.json") });
        assert.ok(found.length >= 2);
        assert.deepStrictEqual([...new Set(found.map((f) => f.level))], ["advisory"]);
    });

    it("bad configs are refused with every problem named", () => {
        assert.deepStrictEqual(
            checkPolicyConfig(
                {
                    all: "strict",
                    "emr-s3-encryption": { allowedModes: ["SSE-C"], colour: 1 },
                    "emr-imdsv2": { maxHopLimit: 0 },
                    "emr-nope": "advisory",
                },
                RULES,
            ),
            [
                'all must be one of advisory, mandatory, remediate, disabled; got "strict"',
                'emr-s3-encryption.allowedModes[0] must be one of "SSE-S3", "SSE-KMS", "CSE-KMS", "CSE-Custom"; got "SSE-C"',
                "emr-s3-encryption.colour is not an option of emr-s3-encryption; its options: allowedModes",
                "emr-imdsv2.maxHopLimit must be at least 1; got 0",
                `emr-nope is not a rule of this pack; its rules: ${RULES.map((r) => r.name).join(", ")}`,
            ],
        );
    });
});
