import * as assert from "assert";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { weakenedDefaults } from "../../components/baselineOptions";
import { InvalidArgumentsError } from "../../components/invalidArguments";
import { SecureEmrBaseline, SecureEmrBaselineArgs } from "../../components/secureEmrBaseline";
import { PROBLEM_CODES, validateSecurityConfiguration } from "../../policies/model";
import { ACCOUNT, BASELINE_ARGS, isKnown, isSecret, ProviderLikeMocks, role, useMocks, valueOf, withWarnings } from "../mocks";

/** Every override that weakens a default. */
const WEAKENED = {
    s3EncryptionMode: "SSE-S3",
    separateKeys: false,
    enableEbsEncryption: false,
    inTransitEncryption: false,
    requireImdsV2: false,
    protectKeys: false,
    keyDeletionWindowInDays: 7,
};
const BASE: SecureEmrBaselineArgs = BASELINE_ARGS;

/** Builds the baseline in a fresh mock run, capturing the warnings it logs. */
async function deploy(preview: boolean, args: SecureEmrBaselineArgs) {
    const mocks = await useMocks(preview);
    const { result: baseline, warnings } = await withWarnings(async () => {
        const built = new SecureEmrBaseline("analytics", args);
        await isKnown(built.securityConfigurationName);
        await isKnown(built.kerberosAttributes);
        return built;
    });
    return { mocks, baseline, warnings };
}

function keyPolicies(mocks: ProviderLikeMocks): Record<string, { Sid: string; Principal: unknown }[]> {
    return Object.fromEntries(mocks.ofType("aws:kms/key:Key").map((k) => [k.name, JSON.parse(k.inputs.policy).Statement]));
}

describe("SecureEmrBaseline component", () => {
    it("accepts brought keys named by alias ARN or key id, as EMR does, and warns once per use to name them by ARN", async () => {
        const { baseline, warnings } = await deploy(false, {
            ...BASE,
            s3KmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/emr-data`,
            localDiskKmsKeyArn: "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02",
        });
        const document = JSON.parse((await valueOf(baseline.configuration))!);
        assert.strictEqual(
            document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey,
            `arn:aws:kms:us-east-1:${ACCOUNT}:alias/emr-data`,
        );
        assert.deepStrictEqual(
            warnings.map((w) => w.replace(/ \(.*$/, "")).sort(),
            [
                'SecurityConfiguration "analytics-config": encryptionConfiguration.atRestEncryptionConfiguration.s3EncryptionConfiguration.awsKmsKey is an alias ARN',
                'SecurityConfiguration "analytics-config": encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.awsKmsKey is a bare key id',
                'InTransitCertificate "analytics-cert": kmsKeyArn is an alias ARN',
            ].sort(),
        );
    });

    it("composes separate keys, a certificate, IMDSv2 and the security configuration, with no warning", async () => {
        const { mocks, baseline, warnings } = await deploy(false, BASE);
        assert.deepStrictEqual(warnings, []);
        const document = JSON.parse((await valueOf(baseline.configuration))!);
        assert.deepStrictEqual(validateSecurityConfiguration(document, { releaseLabel: "emr-7.5.0" }), []);
        const s3Key = (await valueOf(baseline.s3KmsKeyArn))!;
        const diskKey = await valueOf(baseline.localDiskKmsKeyArn);
        assert.notStrictEqual(s3Key, diskKey);
        assert.strictEqual(await valueOf(baseline.logEncryptionKmsKeyArn), s3Key);
        assert.deepStrictEqual(document, {
            EncryptionConfiguration: {
                EnableInTransitEncryption: true,
                EnableAtRestEncryption: true,
                InTransitEncryptionConfiguration: {
                    TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: await valueOf(baseline.certificateS3Uri) },
                },
                AtRestEncryptionConfiguration: {
                    S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: s3Key },
                    LocalDiskEncryptionConfiguration: {
                        EncryptionKeyProviderType: "AwsKms",
                        AwsKmsKey: diskKey,
                        EnableEbsEncryption: true,
                    },
                },
            },
            InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
        });
        const policies = keyPolicies(mocks);
        assert.deepStrictEqual(Object.keys(policies), ["analytics-s3-key", "analytics-disk-key"]);
        assert.deepStrictEqual(
            policies["analytics-s3-key"].map((s) => [s.Sid, s.Principal]),
            [
                ["AccountRootAdministers", { AWS: `arn:aws:iam::${ACCOUNT}:root` }],
                ["EmrRolesUseKey", { AWS: role("EMR_EC2_DefaultRole") }],
                ["EmrRolesGrantForAwsResources", { AWS: role("EMR_EC2_DefaultRole") }],
            ],
        );
        assert.deepStrictEqual(
            policies["analytics-disk-key"].map((s) => s.Sid),
            [
                "AccountRootAdministers",
                "EmrRolesUseKey",
                "EmrRolesGrantForAwsResources",
                "EmrServiceRoleEncryptsEbs",
                "EmrServiceRoleGrantsForEbs",
            ],
        );
        // The certificate bucket is encrypted with the S3 data key the instance profile can already use.
        const encryption = mocks.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
        assert.strictEqual(encryption.inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, s3Key);
        assert.strictEqual(await valueOf(baseline.kerberosAttributes), undefined);
    });

    it("sets a parent on every resource it registers", async () => {
        const { mocks } = await deploy(false, { ...BASE, kerberos: { realm: "EC2.INTERNAL" } });
        const root = mocks.one("emr-security:index:SecureEmrBaseline");
        const orphans = mocks.registered.filter((r) => r !== root && !r.parent);
        assert.deepStrictEqual(orphans, []);
        assert.deepStrictEqual(
            mocks.childrenOf(root).map((r) => r.type),
            [
                "emr-security:index:KmsKey",
                "emr-security:index:KmsKey",
                "emr-security:index:InTransitCertificate",
                "emr-security:index:Kerberos",
                "emr-security:index:SecurityConfiguration",
            ],
        );
    });

    it("with Kerberos, adds it to the document and outputs secret cluster attributes", async () => {
        const { baseline } = await deploy(false, {
            ...BASE,
            kerberos: {
                realm: "EC2.INTERNAL",
                crossRealmTrust: {
                    realm: "AD.ACME.EXAMPLE",
                    domain: "ad.acme.example",
                    adminServer: "dc1.ad.acme.example",
                    kdcServer: "dc1.ad.acme.example",
                },
                adDomainJoinUser: "emr-join",
            },
        });
        const document = JSON.parse((await valueOf(baseline.configuration))!);
        assert.deepStrictEqual(document.AuthenticationConfiguration.KerberosConfiguration, {
            Provider: "ClusterDedicatedKdc",
            ClusterDedicatedKdcConfiguration: {
                TicketLifetimeInHours: 24,
                CrossRealmTrustConfiguration: {
                    Realm: "AD.ACME.EXAMPLE",
                    Domain: "ad.acme.example",
                    AdminServer: "dc1.ad.acme.example",
                    KdcServer: "dc1.ad.acme.example",
                },
            },
        });
        assert.strictEqual(await isSecret(baseline.kerberosAttributes), true);
        const attributes = (await valueOf(baseline.kerberosAttributes))!;
        assert.deepStrictEqual(Object.keys(attributes).sort(), [
            "adDomainJoinPassword",
            "adDomainJoinUser",
            "crossRealmTrustPrincipalPassword",
            "kdcAdminPassword",
            "realm",
        ]);
    });

    it("warns once for each default an override weakens, naming what was given up", async () => {
        const { baseline, warnings, mocks } = await deploy(false, { ...BASE, ...WEAKENED });
        assert.deepStrictEqual(
            warnings,
            weakenedDefaults(WEAKENED).map((w) => `SecureEmrBaseline "analytics": ${w}`),
        );
        assert.strictEqual(warnings.length, 7);
        assert.match(warnings[0], /SSE-S3: S3 data is encrypted with S3-managed keys/);
        const document = JSON.parse((await valueOf(baseline.configuration))!);
        assert.deepStrictEqual(validateSecurityConfiguration(document), []);
        assert.strictEqual(document.EncryptionConfiguration.EnableInTransitEncryption, false);
        assert.strictEqual(document.InstanceMetadataServiceConfiguration, undefined);
        assert.deepStrictEqual(document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration, {
            EncryptionMode: "SSE-S3",
        });
        assert.deepStrictEqual(Object.keys(keyPolicies(mocks)), ["analytics-key"]);
        const key = mocks.one("aws:kms/key:Key");
        assert.strictEqual(key.protect, false);
        assert.strictEqual(key.inputs.deletionWindowInDays, 7);
        // With SSE-S3 there is no S3 key: the logs go under the disk key, which the instance role may use.
        assert.strictEqual(await valueOf(baseline.logEncryptionKmsKeyArn), key.state!.arn);
    });

    it("uses keys and a certificate zip the user brings, creating none of them", async () => {
        const s3Key = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
        const diskKey = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";
        const { mocks, baseline } = await deploy(false, {
            ...BASE,
            s3KmsKeyArn: s3Key,
            localDiskKmsKeyArn: diskKey,
            certificateS3Object: "s3://corp/emr.zip",
        });
        assert.deepStrictEqual(mocks.ofType("aws:kms/key:Key"), []);
        assert.deepStrictEqual(mocks.ofType("emr-security:index:InTransitCertificate"), []);
        assert.strictEqual(await valueOf(baseline.certificateS3Uri), "s3://corp/emr.zip");
        assert.strictEqual(await valueOf(baseline.s3KmsKeyArn), s3Key);
    });

    it("previews with keys and roles created in the same stack: nothing throws, and what is knowable is known", async () => {
        const mocks = await useMocks(true);
        const instanceRole = new iam.Role("emr-ec2", { assumeRolePolicy: "{}" });
        const diskKey = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";
        const baseline = new SecureEmrBaseline("analytics", {
            ...BASE,
            instanceProfileRoleArn: instanceRole.arn,
            localDiskKmsKeyArn: diskKey,
            kerberos: { realm: "EC2.INTERNAL", kdcAdminPassword: pulumi.secret("kdc-Secret-1") },
        });
        // Unknown: they depend on the S3 key, the certificate or the role, created in this stack.
        for (const output of [
            baseline.securityConfigurationName,
            baseline.configuration,
            baseline.s3KmsKeyArn,
            baseline.certificateS3Uri,
        ]) {
            assert.strictEqual(await isKnown(output), false);
        }
        // Known: nothing unknown goes into them.
        assert.strictEqual(await valueOf(baseline.localDiskKmsKeyArn), diskKey);
        assert.deepStrictEqual(await valueOf(baseline.kerberosAttributes), { realm: "EC2.INTERNAL", kdcAdminPassword: "kdc-Secret-1" });
        assert.strictEqual(await isSecret(baseline.kerberosAttributes), true);
        assert.strictEqual(mocks.ofType("aws:emr/securityConfiguration:SecurityConfiguration").length, 1);
        assert.strictEqual(mocks.ofType("aws:kms/key:Key").length, 1);
    });

    it("refuses bad arguments, nested ones included, with one error naming each", async () => {
        const mocks = await useMocks(false);
        assert.throws(
            () =>
                new SecureEmrBaseline("bad", {
                    ...BASE,
                    instanceProfileRoleArn: "EMR_EC2_DefaultRole",
                    s3EncryptionMode: "SSE-C",
                    imdsHopLimit: 0,
                    certificate: { rsaBits: 1024 },
                    kerberos: { realm: "ec2.internal" },
                }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for SecureEmrBaseline "bad":',
                        '  - s3EncryptionMode must be "SSE-KMS", "CSE-KMS" or "SSE-S3"; got "SSE-C"',
                        "  - imdsHopLimit must be a whole number from 1 to 64; got 0",
                        '  - instanceProfileRoleArn must be an IAM role ARN such as arn:aws:iam::111122223333:role/<name>; got "EMR_EC2_DefaultRole"',
                        "  - certificate.rsaBits must be 2048, 3072 or 4096 (smaller RSA keys are refused); got 1024",
                        '  - kerberos.realm must be upper case letters, digits, "." or "-" (Kerberos realms are upper case); got "ec2.internal"',
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.throws(
            () => new SecureEmrBaseline("old", { ...BASE, releaseLabel: "emr-5.20.0" }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for SecureEmrBaseline "old":',
                        "  - securityConfiguration.encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.enableEbsEncryption: EBS encryption needs EMR 5.24.0 and later; emr-5.20.0 does not support it",
                        "  - securityConfiguration.instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion: Requiring IMDSv2 needs EMR 5.23.1, 5.27.1, 5.32.0 and later 5.x, and 6.2.0 and later; emr-5.20.0 does not support it",
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.deepStrictEqual(
            mocks.registered.filter((r) => r.type !== "emr-security:index:SecureEmrBaseline"),
            [],
        );
    });

    it("with serverlessLogs, lets EMR Serverless and CloudWatch Logs use the log key, and only that key", async () => {
        const serverless = (statements: { Sid: string }[]) =>
            statements.map((s) => s.Sid).filter((sid) => ["EmrServerlessEncryptsLogs", "CloudWatchLogsEncryptsLogGroups"].includes(sid));
        const both = ["EmrServerlessEncryptsLogs", "CloudWatchLogsEncryptsLogGroups"];
        const kms = await deploy(false, { ...BASE, serverlessLogs: true, region: "eu-west-1" });
        const policies = keyPolicies(kms.mocks);
        assert.deepStrictEqual(serverless(policies["analytics-s3-key"]), both);
        assert.deepStrictEqual(serverless(policies["analytics-disk-key"]), []);
        const logs = policies["analytics-s3-key"].find((s) => s.Sid === "CloudWatchLogsEncryptsLogGroups");
        assert.deepStrictEqual(logs?.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
        // With SSE-S3 the log key is the disk key; the provider's Region stands in for an unset one.
        const sseS3 = keyPolicies((await deploy(false, { ...BASE, serverlessLogs: true, s3EncryptionMode: "SSE-S3" })).mocks);
        assert.deepStrictEqual(serverless(sseS3["analytics-disk-key"]), both);
        assert.deepStrictEqual(sseS3["analytics-disk-key"].find((s) => s.Sid === "CloudWatchLogsEncryptsLogGroups")?.Principal, {
            Service: "logs.us-east-1.amazonaws.com",
        });
        assert.deepStrictEqual(serverless(keyPolicies((await deploy(false, BASE)).mocks)["analytics-s3-key"]), []);
    });

    it("refuses serverlessLogs with a log key it did not create, and a bad region even without a certificate", async () => {
        await useMocks(false);
        assert.throws(
            () =>
                new SecureEmrBaseline("brought", {
                    ...BASE,
                    serverlessLogs: true,
                    region: "Ireland",
                    s3KmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02`,
                }),
            (e: Error) => {
                assert.match(e.message, /\n {2}- region must be an AWS Region such as us-east-1; got "Ireland"/);
                assert.match(e.message, /\n {2}- serverlessLogs changes the policy of the log key, and the log key is one you brought/);
                assert.strictEqual(e.message.split("\n").length, 3, e.message);
                return true;
            },
        );
    });

    it("checks each argument once, through the check of the child it feeds, and reports it where the user wrote it", async () => {
        const mocks = await useMocks(false);
        const trust = { realm: "AD.EXAMPLE.COM", domain: "ad.example.com", adminServer: "dc1:99999", kdcServer: "dc1.ad.example.com" };
        let error: unknown;
        try {
            new SecureEmrBaseline("once", {
                ...BASE,
                dataRoleArns: [role("Data"), "Analysts"],
                keyAdminRoleArns: role("Admin") as unknown as string[],
                keyDeletionWindowInDays: 3,
                protectKeys: "no" as unknown as boolean,
                localDiskKmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/not-a-key`,
                kerberos: { realm: "EC2.INTERNAL", crossRealmTrust: trust, adDomainJoinUser: "join" },
            });
        } catch (e) {
            error = e;
        }
        assert.ok(error instanceof InvalidArgumentsError, String(error));
        // The role, window and switch are judged by the key's own check; the trust's admin server
        // by Kerberos's, not again by the document's; each once, at the baseline's own path.
        assert.deepStrictEqual(
            error.problems.map((p) => [p.path, p.code]),
            [
                ["localDiskKmsKeyArn", "kms-key-not-a-key"],
                ["protectKeys", "wrong-type"],
                ["keyDeletionWindowInDays", "out-of-range"],
                ["keyAdminRoleArns", "wrong-type"],
                ["dataRoleArns[1]", "bad-format"],
                ["kerberos.crossRealmTrust.adminServer", "bad-format"],
            ],
        );
        assert.ok(
            error.problems.every((p) => p.code in PROBLEM_CODES && p.message.startsWith(p.path)),
            "every problem has a stable code and a message naming its argument",
        );
        assert.deepStrictEqual(
            mocks.registered.filter((r) => r.type !== "emr-security:index:SecureEmrBaseline"),
            [],
        );
    });
});
