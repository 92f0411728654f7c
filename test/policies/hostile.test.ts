/**
 * Input an attacker or a careless user would send to the validator and the pack: each gets a clear
 * answer in bounded time, never a bypass, a hang, a crash or a weaker verdict.
 */
import * as assert from "assert";
import { evaluatePolicies } from "../../policies/evaluate";
import { parseSecurityConfiguration, validateSecurityConfiguration } from "../../policies/model";
import { checkPolicyConfig } from "../../policies/config";
import { RULES } from "../../policies/rules";
import { emrImdsv2 } from "../../policies/rules/emr-imdsv2";
import { kmsKeyPolicyNoPublicPrincipal } from "../../policies/rules/kms-key-policy-no-public-principal";
import { kmsKeyRotation } from "../../policies/rules/kms-key-rotation";
import { actionCovers, globMatches } from "../../policies/analyses/policyDocuments";
import { findings, hardened, messages, securityConfigurations, UNKNOWN } from "./helpers";

/** A value nested `depth` levels deep under one key. */
function nested(depth: number): Record<string, unknown> {
    let value: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < depth; i++) {
        value = { deeper: value };
    }
    return value;
}

describe("hostile input to the validator and the pack", function () {
    this.timeout(20000);

    it("matches IAM wildcards in linear-ish time: many stars before a letter do not stall a rule", () => {
        const pattern = `${"*".repeat(5000)}a`;
        assert.strictEqual(actionCovers(pattern, `kms:${"x".repeat(5000)}`), false);
        assert.strictEqual(actionCovers("kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext"), true);
        assert.strictEqual(globMatches("arn:aws:s3:::b/*", "arn:aws:s3:::b/k.zip"), true);
        assert.strictEqual(globMatches("a?c", "abc"), true);
        assert.strictEqual(globMatches("a?c", "ac"), false);
        assert.strictEqual(actionCovers("KMS:decrypt", "kms:Decrypt"), true, "IAM actions are case-insensitive");
    });

    it("kms-key-policy-no-public-principal: `?` is a wildcard under StringLike, so it limits nothing", async () => {
        const policy = JSON.stringify({
            Statement: [
                {
                    Effect: "Allow",
                    Principal: "*",
                    Action: "kms:*",
                    Resource: "*",
                    Condition: { StringLike: { "aws:PrincipalAccount": "????????????" } },
                },
            ],
        });
        const found = await messages(kmsKeyPolicyNoPublicPrincipal, { type: "aws:kms/key:Key", name: "k", props: { policy } });
        assert.strictEqual(found.length, 1);
    });

    it("kms-key-rotation at remediate: an unrelated unknown property does not turn the fix into a mandatory violation", async () => {
        const found = await findings(
            kmsKeyRotation,
            [{ type: "aws:kms/key:Key", name: "k", props: { enableKeyRotation: false, description: UNKNOWN, tags: { team: UNKNOWN } } }],
            { preview: true, config: { "kms-key-rotation": "remediate" } },
        );
        assert.deepStrictEqual(
            found.map((f) => [f.level, f.message]),
            [["remediate", "remediated by policy 'kms-key-rotation'"]],
        );
    });

    it("reports, never throws, on a document nested 10,000 levels deep or cyclic, and evaluatePolicies survives both", async () => {
        const deep = { ...hardened(), EncryptionConfiguration: { ...hardened().EncryptionConfiguration, Junk: nested(10000) } };
        assert.deepStrictEqual(
            validateSecurityConfiguration(deep).map((p) => `${p.code} ${p.path}`),
            ["unknown-key /EncryptionConfiguration/Junk"],
        );
        const cyclic: Record<string, any> = hardened();
        cyclic.AuthorizationConfiguration = { Self: cyclic };
        cyclic.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.Loop = cyclic;
        const problems = validateSecurityConfiguration(cyclic).map((p) => `${p.code} ${p.path}`);
        assert.deepStrictEqual(problems, [
            "unknown-key /EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration/Loop",
            "unknown-key /AuthorizationConfiguration/Self",
        ]);
        const resources = [
            { type: "aws-native:emr:SecurityConfiguration", name: "cyclic", props: { name: "cyclic", securityConfiguration: cyclic } },
            { type: "aws:kms/key:Key", name: "deep", props: { enableKeyRotation: true, tags: nested(10000) } },
        ];
        const found = await evaluatePolicies(resources);
        assert.ok(found.some((f) => f.policy === "emr-security-configuration-valid"));
        const wide = [{ type: "aws:kms/key:Key", name: "wide", props: { enableKeyRotation: true, tags: new Array(1_000_000).fill("x") } }];
        assert.deepStrictEqual(await evaluatePolicies(wide), [], "a million values in one list");
        // Written by hand: JSON.stringify itself overflows the stack at this depth.
        const text = `{"InstanceMetadataServiceConfiguration":${'{"deeper":'.repeat(10000)}true${"}".repeat(10000)}}`;
        assert.strictEqual(validateSecurityConfiguration(text)[0].path, "/InstanceMetadataServiceConfiguration/deeper");
    });

    it("evaluatePolicies names the bad resource instead of throwing a TypeError from inside", async () => {
        await assert.rejects(evaluatePolicies(null as never), /evaluatePolicies takes an array of resources; got null/);
        await assert.rejects(evaluatePolicies({} as never), /takes an array of resources; got an object/);
        await assert.rejects(
            evaluatePolicies([
                { type: "aws:kms/key:Key", name: "fine", props: {} },
                { type: "aws:kms/key:Key", name: "nulled", props: null } as never,
                { type: "aws:kms/key:Key", name: "missing" } as never,
                42 as never,
            ]),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        "Invalid resources:",
                        '  - resources[1] ("nulled"): props must be an object (use {} for none); got null',
                        '  - resources[2] ("missing"): props must be an object (use {} for none); got undefined',
                        "  - resources[3] must be an object with type, name and props; got the number 42",
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.deepStrictEqual(await evaluatePolicies([], null as never), []);
    });

    it("hands every caller the same parsed document, frozen: nobody can change the next verdict on the same text", async () => {
        const text = JSON.stringify(hardened());
        const { document } = parseSecurityConfiguration(text);
        assert.throws(() => {
            "use strict";
            delete (document as Record<string, unknown>).InstanceMetadataServiceConfiguration;
        }, TypeError);
        assert.deepStrictEqual(await messages(emrImdsv2, securityConfigurations(text)[0]), []);
        const stripped = JSON.parse(text);
        delete stripped.InstanceMetadataServiceConfiguration;
        assert.strictEqual((await messages(emrImdsv2, securityConfigurations(stripped)[0])).length, 1);
    });

    it("refuses policy configs of the wrong shape with one clear problem", () => {
        for (const [config, shown] of [
            [42, "the number 42"],
            [["emr-imdsv2"], "an array"],
            ["mandatory", 'the string "mandatory"'],
            [null, "null"],
        ] as const) {
            assert.deepStrictEqual(checkPolicyConfig(config, RULES), [
                `a policy config must be a JSON object of rule names (and "all"); got ${shown}`,
            ]);
        }
    });

    it("stays linear when every cluster names one configuration and no bucket has a name", async () => {
        const resources = [];
        for (let i = 0; i < 30000; i++) {
            resources.push({ type: "aws:emr/cluster:Cluster", name: `c${i}`, props: { securityConfiguration: "shared" } });
            resources.push({ type: "aws:s3/bucket:Bucket", name: `b${i}`, props: {} });
        }
        resources.push(...securityConfigurations(hardened(), "shared").slice(0, 1));
        const found = await evaluatePolicies(resources, { config: { all: "advisory" } });
        assert.ok(found.every((f) => f.level === "advisory"));
    });

    it("network, logging and access rules: cyclic, huge, wrong-typed and repeated cluster values get bounded findings, never a pass", async () => {
        const huge = `subnet-${"9".repeat(10 * 1024 * 1024)}`;
        const attributes: Record<string, unknown> = {
            subnetId: huge,
            keyName: "k".repeat(1_000_000),
            emrManagedMasterSecurityGroup: "sg-1",
            additionalMasterSecurityGroups: new Array(100_000).fill("sg-1").join(","),
        };
        attributes.self = attributes;
        const resources = [
            { type: "aws:emr/cluster:Cluster", name: "c", props: { ec2Attributes: attributes, logUri: { nested: nested(10000) } } },
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "g",
                // One string where a list belongs is still read, and a million private ranges beside the world.
                props: {
                    arn: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1",
                    ingress: [
                        {
                            cidrBlocks: [...new Array(1_000_000).fill("10.0.0.0/8"), "0.0.0.0/0"],
                            protocol: "tcp",
                            fromPort: 0,
                            toPort: 65535,
                        },
                        { cidrBlocks: "::/0", protocol: "-1" },
                    ],
                },
            },
        ];
        const started = Date.now();
        const found = await evaluatePolicies(resources, {
            config: { "emr-cluster-network-isolation": { permittedPorts: Array.from({ length: 65536 }, (_, i) => i).slice(1) } },
        });
        assert.ok(Date.now() - started < 20000, "bounded time");
        const by = (policy: string) => found.filter((f) => f.policy === policy).map((f) => f.message);
        assert.deepStrictEqual(
            by("emr-cluster-network-isolation").length,
            2,
            "port 0 is not permitted, and all protocols never are; one finding each",
        );
        assert.strictEqual(by("emr-cluster-network-isolation-review").length, 1, "the subnet outside the stack, once");
        assert.strictEqual(by("emr-cluster-logging").length, 2, "a logUri that is an object is no logUri; no log key");
        assert.strictEqual(by("emr-cluster-operational-access").length, 1);
        for (const f of found) {
            assert.ok(f.message.length < 700, `${f.policy}: message of ${f.message.length} characters`);
        }
        // More findings than one call's arguments can carry: each is reported, none overflows the stack.
        const many = { cidrBlocks: ["0.0.0.0/0"], protocol: "tcp", fromPort: 22, toPort: 22 };
        const wide = [resources[0], { ...resources[1], props: { ...resources[1].props, ingress: new Array(200_000).fill(many) } }];
        const open = await evaluatePolicies(wide, { config: { all: "advisory" } });
        assert.strictEqual(open.filter((f) => f.policy === "emr-cluster-network-isolation").length, 200_000);
    });

    it("stays linear when many subnets share one route table of many routes, and many clusters one group of many rules", async () => {
        const resources: Record<string, unknown>[] = [
            {
                type: "aws:ec2/routeTable:RouteTable",
                name: "shared",
                props: { id: "rtb-1", routes: Array.from({ length: 30_000 }, (_, i) => ({ cidrBlock: `10.${i >> 8}.${i % 256}.0/24` })) },
            },
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "g",
                props: { id: "sg-1", ingress: Array.from({ length: 30_000 }, (_, i) => ({ cidrBlocks: [`10.0.0.${i % 256}/32`] })) },
            },
        ];
        for (let i = 0; i < 30_000; i++) {
            resources.push({ type: "aws:ec2/subnet:Subnet", name: `s${i}`, props: { id: `subnet-${i}` } });
            resources.push({
                type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
                name: `a${i}`,
                props: { subnetId: `subnet-${i}`, routeTableId: "rtb-1" },
            });
            resources.push({
                type: "aws:emr/cluster:Cluster",
                name: `c${i}`,
                props: { ec2Attributes: { subnetId: `subnet-${i}`, emrManagedMasterSecurityGroup: "sg-1" } },
            });
        }
        const found = await evaluatePolicies(resources as never, { config: { all: "advisory" } });
        const network = found.filter((f) => f.policy.startsWith("emr-cluster-network-isolation"));
        assert.deepStrictEqual(network, [], "private ranges and local routes only");
    });

    it("reads a long permittedPorts list once, not once per rule of the group", async () => {
        const open = { cidrBlocks: ["0.0.0.0/0"], protocol: "tcp", fromPort: 443, toPort: 443 };
        const resources = [
            { type: "aws:ec2/securityGroup:SecurityGroup", name: "g", props: { id: "sg-1", ingress: new Array(100_000).fill(open) } },
            {
                type: "aws:emr/cluster:Cluster",
                name: "c",
                props: { ec2Attributes: { subnetId: "subnet-1", emrManagedMasterSecurityGroup: "sg-1" } },
            },
        ];
        const everyPort = Array.from({ length: 65535 }, (_, i) => i + 1);
        const found = await evaluatePolicies(resources, { config: { "emr-cluster-network-isolation": { permittedPorts: everyPort } } });
        assert.deepStrictEqual(
            found.filter((f) => f.policy === "emr-cluster-network-isolation"),
            [],
        );
    });

    it("lists at most a few of many repeated values in one message: world ranges, key users, EMR endpoints", async () => {
        const KEY = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
        const resources: Record<string, unknown>[] = [
            { type: "aws:kms/key:Key", name: "off", props: { arn: KEY, isEnabled: false } },
            { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { arn: "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1" } },
            { type: "aws:ec2/subnet:Subnet", name: "s", props: { id: "subnet-1", vpcId: "vpc-1", mapPublicIpOnLaunch: false } },
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "g",
                props: {
                    id: "sg-1",
                    ingress: [{ cidrBlocks: Array.from({ length: 50_000 }, (_, i) => `${i % 256}.${i >> 8}.0.0/0`), protocol: "-1" }],
                },
            },
        ];
        for (let i = 0; i < 50_000; i++) {
            resources.push({
                type: "aws:emr/cluster:Cluster",
                name: `c${i}`,
                props: { logEncryptionKmsKeyId: KEY, ec2Attributes: { subnetId: "subnet-1", emrManagedMasterSecurityGroup: "sg-1" } },
            });
            resources.push({
                type: "aws:ec2/vpcEndpoint:VpcEndpoint",
                name: `e${i}`,
                props: { vpcId: "vpc-1", serviceName: `com.amazonaws.us-west-${i}.elasticmapreduce`, vpcEndpointType: "Interface" },
            });
        }
        const found = await evaluatePolicies(resources as never, { config: { all: "advisory" } });
        const one = (policy: string) => {
            const messages = found.filter((f) => f.policy === policy).map((f) => f.message);
            assert.strictEqual(messages.length, 1, policy);
            return messages[0];
        };
        assert.match(one("kms-key-enabled"), /; 49995 more: KMS refuses/);
        assert.match(one("emr-vpc-endpoint"), /; 49997 more\)/);
        const open = found.filter((f) => f.policy === "emr-cluster-network-isolation");
        assert.strictEqual(open.length, 1, "one rule of one group, reported once for all clusters");
        assert.match(open[0].message, /admits "0\.0\.0\.0\/0" and "1\.0\.0\.0\/0" and "2\.0\.0\.0\/0" and 49997 more on all protocols/);
        for (const f of found) {
            assert.ok(f.message.length < 1000, `${f.policy}: message of ${f.message.length} characters`);
        }
    });

    it("cuts a hostile 10 MB value in messages, and shows look-alike characters in keys", () => {
        const huge = "x".repeat(10 * 1024 * 1024);
        const document = hardened();
        document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode = huge;
        const [problem] = validateSecurityConfiguration(document);
        assert.ok(problem.message.length < 400, `message of ${problem.message.length} characters`);
        assert.match(problem.message, /\(10485760 characters\)/);
        const lookAlike = hardened();
        lookAlike["\u0415ncryptionConfiguration"] = {};
        lookAlike["InstanceMetadataServiceConfiguration\u200b"] = {};
        const messages = validateSecurityConfiguration(lookAlike).map((p) => p.message);
        assert.ok(messages.some((m) => m.includes("(contains U+0415)")));
        assert.ok(messages.some((m) => m.includes("(contains U+200B)")));
    });

    it("bounds what the validator reads: a 2^60-hour ticket, a release label that is an array, null options, NaN, a BOM, duplicate keys", () => {
        const document = hardened();
        document.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.TicketLifetimeInHours = 2 ** 60;
        assert.deepStrictEqual(
            validateSecurityConfiguration(document).map((p) => `${p.code}: ${p.message}`),
            [`out-of-range: TicketLifetimeInHours must be from 1 to 2147483647; got ${2 ** 60}`],
        );
        assert.deepStrictEqual(
            validateSecurityConfiguration(hardened(), { releaseLabel: ["emr-7.5.0"] as never }).map((p) => `${p.code}: ${p.message}`),
            ['bad-release-label: releaseLabel must be a string like "emr-6.15.0"; got an array'],
        );
        assert.deepStrictEqual(validateSecurityConfiguration(hardened(), null), []);
        const nan = hardened();
        nan.InstanceMetadataServiceConfiguration.HttpPutResponseHopLimit = NaN;
        assert.match(validateSecurityConfiguration(nan)[0].message, /got the non-finite number NaN/);
        const [bom] = validateSecurityConfiguration(`\ufeff${JSON.stringify(hardened())}`);
        assert.strictEqual(bom.code, "not-json");
        assert.match(bom.message, /starts with a byte-order mark, U\+FEFF: remove it/);
        const twice = JSON.stringify(hardened()).replace(
            '"EnableAtRestEncryption":true',
            '"EnableAtRestEncryption":false,"EnableAtRestEncryption":true',
        );
        assert.deepStrictEqual(
            validateSecurityConfiguration(twice).map((p) => `${p.code} ${p.path}`),
            ["duplicate-key /EncryptionConfiguration/EnableAtRestEncryption"],
        );
    });
});

describe("values of any size in a document's text", function () {
    this.timeout(60000);
    const document = (extra: Record<string, unknown>) =>
        JSON.stringify({ EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: false }, ...extra });

    it("reads a 10 MB string value without overflowing the stack, in the validator and in evaluatePolicies", async () => {
        const text = document({ Note: "x".repeat(10_000_000) });
        assert.deepStrictEqual(
            validateSecurityConfiguration(text).map((p) => `${p.code} ${p.path}`),
            ["unknown-key /Note"],
        );
        const found = await evaluatePolicies([
            { type: "aws:emr/securityConfiguration:SecurityConfiguration", name: "sc", props: { name: "sc", configuration: text } },
        ]);
        assert.ok(found.length > 0 && found.every((f) => f.message.length < 2000));
    });

    it("names a 10 MB unknown key in a bounded path and message", () => {
        const [problem] = validateSecurityConfiguration(document({ ["k".repeat(10_000_000)]: 1 }));
        assert.strictEqual(problem.code, "unknown-key");
        assert.strictEqual(problem.path, `/${"k".repeat(64)}…(10000000 characters)`);
        assert.ok(problem.message.length < 1000);
    });
});

describe("values that are not plain values", () => {
    it("names a Promise or an Output given as the document, rather than calling it a document that sets nothing", () => {
        const pending = Promise.resolve({ EncryptionConfiguration: {} });
        assert.deepStrictEqual(validateSecurityConfiguration(pending), [
            {
                path: "",
                code: "not-an-object",
                message: "The security configuration is a Promise, not a document: resolve it first (await it)",
            },
        ]);
        const output = { __pulumiOutput: true, apply: () => undefined };
        assert.match(
            validateSecurityConfiguration(output)[0].message,
            /is a Pulumi Output, not a document: resolve it first \(validate inside apply\(\)\)/,
        );
    });

    it("opens secret envelopes in props as the engine and stack exports carry them: plaintext read, ciphertext unknown and deferred", async () => {
        const envelope = (inner: Record<string, unknown>) => ({
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            ...inner,
        });
        const cluster = (attributes: unknown) => ({
            type: "aws:emr/cluster:Cluster",
            name: "c",
            urn: "urn:pulumi:s::p::aws:emr/cluster:Cluster::c",
            props: { securityConfiguration: "sc", kerberosAttributes: attributes },
        });
        const rule = RULES.find((r) => r.name === "emr-cluster-kerberos-attributes")!;
        const plaintext = await findings(rule, [
            ...securityConfigurations(hardened(), "sc"),
            cluster(envelope({ value: { realm: "EC2.INTERNAL", kdcAdminPassword: "pw" } })),
        ]);
        assert.ok(
            plaintext.every((f) => !/no realm/.test(f.message)),
            plaintext.map((f) => f.message).join("\n"),
        );
        const sealed = await findings(rule, [...securityConfigurations(hardened(), "sc"), cluster(envelope({ ciphertext: "AAAA" }))]);
        assert.ok(sealed.length > 0 && sealed.every((f) => f.deferral !== undefined), sealed.map((f) => f.message).join("\n"));
    });
});
