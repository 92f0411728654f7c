import * as assert from "assert";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { KmsKey } from "../../components/kmsKey";
import { buildKeyPolicy } from "../../components/kmsKeyPolicy";
import { ACCOUNT, isKnown, useMocks, valueOf } from "../mocks";

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const KEY_TYPE = "aws:kms/key:Key";

describe("buildKeyPolicy", () => {
    it("writes the statements EMR needs, and only those", () => {
        const policy = buildKeyPolicy({
            partition: "aws",
            accountId: ACCOUNT,
            adminRoleArns: [role("key-admin")],
            keyUserRoleArns: [role("EMR_EC2_DefaultRole"), role("emrfs-analyst"), role("EMR_EC2_DefaultRole")],
            ebsServiceRoleArns: [role("EMR_DefaultRole_V2")],
            allowEmrWal: false,
        });
        assert.deepStrictEqual(policy, {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountRootAdministers",
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                {
                    Sid: "RolesAdminister",
                    Effect: "Allow",
                    Principal: { AWS: role("key-admin") },
                    Action: [
                        "kms:Create*",
                        "kms:Describe*",
                        "kms:Enable*",
                        "kms:List*",
                        "kms:Put*",
                        "kms:Update*",
                        "kms:Revoke*",
                        "kms:Disable*",
                        "kms:Get*",
                        "kms:Delete*",
                        "kms:TagResource",
                        "kms:UntagResource",
                        "kms:ScheduleKeyDeletion",
                        "kms:CancelKeyDeletion",
                        "kms:RotateKeyOnDemand",
                    ],
                    Resource: "*",
                },
                {
                    Sid: "EmrRolesUseKey",
                    Effect: "Allow",
                    Principal: { AWS: [role("EMR_EC2_DefaultRole"), role("emrfs-analyst")] },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                },
                {
                    Sid: "EmrRolesGrantForAwsResources",
                    Effect: "Allow",
                    Principal: { AWS: [role("EMR_EC2_DefaultRole"), role("emrfs-analyst")] },
                    Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                    Resource: "*",
                    Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
                },
                {
                    Sid: "EmrServiceRoleEncryptsEbs",
                    Effect: "Allow",
                    Principal: { AWS: role("EMR_DefaultRole_V2") },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
                    Resource: "*",
                },
                {
                    Sid: "EmrServiceRoleGrantsForEbs",
                    Effect: "Allow",
                    Principal: { AWS: role("EMR_DefaultRole_V2") },
                    Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                    Resource: "*",
                    Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
                },
            ],
        });
    });

    it("adds the EMR WAL service only when asked, and never a wildcard principal", () => {
        const policy = buildKeyPolicy({
            partition: "aws-us-gov",
            accountId: ACCOUNT,
            adminRoleArns: [],
            keyUserRoleArns: [],
            ebsServiceRoleArns: [],
            allowEmrWal: true,
        });
        assert.deepStrictEqual(
            policy.Statement.map((s) => [s.Sid, s.Principal]),
            [
                ["AccountRootAdministers", { AWS: `arn:aws-us-gov:iam::${ACCOUNT}:root` }],
                ["EmrWalServiceUsesKey", { Service: "emrwal.amazonaws.com" }],
            ],
        );
        const principals = policy.Statement.flatMap((s) => Object.values(s.Principal).flat());
        assert.ok(!principals.includes("*"), JSON.stringify(principals));
    });
});

describe("key policy for the log services of EMR Serverless (EMR Serverless User Guide, encrypting logs; CloudWatch Logs, encrypting log data)", () => {
    const inputs = { accountId: ACCOUNT, adminRoleArns: [], keyUserRoleArns: [], ebsServiceRoleArns: [], allowEmrWal: false };

    it("lets emr-serverless.amazonaws.com generate and decrypt data keys only for this account's applications", () => {
        const policy = buildKeyPolicy({ ...inputs, partition: "aws", allowEmrServerlessLogs: true });
        assert.deepStrictEqual(policy.Statement[1], {
            Sid: "EmrServerlessEncryptsLogs",
            Effect: "Allow",
            Principal: { Service: "emr-serverless.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        });
    });

    it("lets CloudWatch Logs of one Region use the key for this account's log groups; China's Regions have their own principal", () => {
        const policy = buildKeyPolicy({ ...inputs, partition: "aws", cloudWatchLogsRegion: "eu-west-1" });
        assert.deepStrictEqual(policy.Statement[1], {
            Sid: "CloudWatchLogsEncryptsLogGroups",
            Effect: "Allow",
            Principal: { Service: "logs.eu-west-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*` } },
        });
        const china = buildKeyPolicy({ ...inputs, partition: "aws-cn", cloudWatchLogsRegion: "cn-north-1" });
        assert.deepStrictEqual(china.Statement[1].Principal, { Service: "logs.cn-north-1.amazonaws.com.cn" });
        assert.deepStrictEqual(china.Statement[1].Condition, {
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws-cn:logs:cn-north-1:${ACCOUNT}:log-group:*` },
        });
    });

    it("adds neither unless asked", () => {
        assert.deepStrictEqual(
            buildKeyPolicy({ ...inputs, partition: "aws" }).Statement.map((s) => s.Sid),
            ["AccountRootAdministers"],
        );
    });
});

describe("KmsKey component", () => {
    const args = {
        accountId: ACCOUNT,
        partition: "aws",
        keyUserRoleArns: [role("EMR_EC2_DefaultRole")],
        ebsServiceRoleArns: [role("EMR_DefaultRole_V2")],
    };

    for (const preview of [false, true]) {
        describe(preview ? "in preview" : "in update", () => {
            it("registers a symmetric, rotating, protected and retained key with its policy, and an alias", async () => {
                const mocks = await useMocks(preview);
                const key = new KmsKey("emr-disk", args);
                await isKnown(key.aliasName);
                const registered = mocks.one(KEY_TYPE);
                assert.deepStrictEqual(
                    { ...registered.inputs, policy: undefined },
                    {
                        description: "EMR encryption key emr-disk",
                        keyUsage: "ENCRYPT_DECRYPT",
                        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                        enableKeyRotation: true,
                        deletionWindowInDays: 30,
                        policy: undefined,
                    },
                );
                assert.strictEqual(registered.protect, true);
                assert.strictEqual(registered.retainOnDelete, true);
                const policy = JSON.parse(registered.inputs.policy);
                assert.deepStrictEqual(
                    policy.Statement.map((s: { Sid: string }) => s.Sid),
                    [
                        "AccountRootAdministers",
                        "EmrRolesUseKey",
                        "EmrRolesGrantForAwsResources",
                        "EmrServiceRoleEncryptsEbs",
                        "EmrServiceRoleGrantsForEbs",
                    ],
                );
                assert.strictEqual(await valueOf(key.policy), registered.inputs.policy);
                const alias = mocks.one("aws:kms/alias:Alias");
                assert.strictEqual(alias.inputs.namePrefix, "alias/emr-disk-");
                const component = mocks.one("emr-security:index:KmsKey");
                assert.deepStrictEqual(
                    mocks.childrenOf(component).map((r) => r.type),
                    [KEY_TYPE, "aws:kms/alias:Alias"],
                );
                if (preview) {
                    assert.strictEqual(await isKnown(key.arn), false);
                } else {
                    assert.match((await valueOf(key.arn))!, /^arn:aws:kms:us-east-1:123456789012:key\//);
                    assert.strictEqual(alias.inputs.targetKeyId, await valueOf(key.keyId));
                }
            });
        });
    }

    it("looks the account and partition up through the provider when they are not given", async () => {
        const mocks = await useMocks(false);
        const key = new KmsKey("emr-s3", { keyUserRoleArns: [role("EMR_EC2_DefaultRole")], aliasName: "emr-s3" });
        await isKnown(key.aliasName);
        const policy = JSON.parse(mocks.one(KEY_TYPE).inputs.policy);
        assert.deepStrictEqual(policy.Statement[0].Principal, { AWS: `arn:aws:iam::${ACCOUNT}:root` });
        assert.strictEqual(mocks.one("aws:kms/alias:Alias").inputs.name, "alias/emr-s3");
    });

    it("lets the user turn protection and retention off, and set the deletion window", async () => {
        const mocks = await useMocks(false);
        const key = new KmsKey("scratch", { ...args, protect: false, retainOnDelete: false, deletionWindowInDays: 7 });
        await isKnown(key.aliasName);
        const registered = mocks.one(KEY_TYPE);
        assert.strictEqual(registered.protect, false);
        assert.strictEqual(registered.retainOnDelete, false);
        assert.strictEqual(registered.inputs.deletionWindowInDays, 7);
    });

    it("builds the policy from a role created in the same stack: unknown at preview, no throw", async () => {
        const mocks = await useMocks(true);
        const instanceRole = new iam.Role("emr-ec2", { assumeRolePolicy: "{}" });
        const key = new KmsKey("emr-s3", { ...args, keyUserRoleArns: [instanceRole.arn] });
        assert.strictEqual(await isKnown(key.policy), false);
        await isKnown(key.aliasName);
        assert.ok(pulumi.isUnknown(mocks.one(KEY_TYPE).inputs.policy));
    });

    it("refuses bad arguments with one error naming each", async () => {
        const mocks = await useMocks(false);
        assert.throws(
            () =>
                new KmsKey("bad", {
                    accountId: "12345",
                    partition: "amazon",
                    deletionWindowInDays: 3,
                    aliasName: "alias/aws/emr",
                    keyUserRoleArns: ["*", role("ok")],
                    ebsServiceRoleArns: [`arn:aws:iam::${ACCOUNT}:user/bob`],
                    allowEmrServerlessLogs: "yes" as unknown as boolean,
                    cloudWatchLogsRegion: "Ireland",
                }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for KmsKey "bad":',
                        '  - allowEmrServerlessLogs must be true or false (a boolean), or left unset for its default; got "yes"',
                        '  - cloudWatchLogsRegion must be an AWS Region such as us-east-1; got "Ireland"',
                        "  - deletionWindowInDays must be a whole number from 7 to 30; got 3",
                        '  - keyUserRoleArns[0] must be an IAM role ARN such as arn:aws:iam::111122223333:role/<name>; got "*"',
                        '  - ebsServiceRoleArns[0] must be an IAM role ARN such as arn:aws:iam::111122223333:role/<name>; got "arn:aws:iam::123456789012:user/bob"',
                        '  - accountId must be 12 digits; got "12345"',
                        '  - partition must be an AWS partition such as "aws" or "aws-us-gov"; got "amazon"',
                        '  - aliasName must be letters, digits, "/", "_" or "-" after "alias/", and not start with "alias/aws/" (reserved for AWS); got "alias/aws/emr"',
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.deepStrictEqual(mocks.ofType(KEY_TYPE), []);
    });

    it("lets the EMR Serverless log writers in when asked, the Region given as an output", async () => {
        const mocks = await useMocks(false);
        const key = new KmsKey("logs", { ...args, allowEmrServerlessLogs: true, cloudWatchLogsRegion: pulumi.output("eu-west-1") });
        await isKnown(key.aliasName);
        const statements = JSON.parse(mocks.one(KEY_TYPE).inputs.policy).Statement as { Sid: string; Principal: unknown }[];
        assert.deepStrictEqual(
            statements.slice(-2).map((s) => [s.Sid, s.Principal]),
            [
                ["EmrServerlessEncryptsLogs", { Service: "emr-serverless.amazonaws.com" }],
                ["CloudWatchLogsEncryptsLogGroups", { Service: "logs.eu-west-1.amazonaws.com" }],
            ],
        );
    });

    it("refuses a role ARN that resolves to a wildcard, before the key is created", async () => {
        await useMocks(false);
        const key = new KmsKey("late", { ...args, keyUserRoleArns: [pulumi.output("*")] });
        await assert.rejects(isKnown(key.policy), /keyUserRoleArns\[0\] must be an IAM role ARN/);
    });
});
