import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrEksJobTemplateEncryption } from "../../../policies/rules/emr-eks-job-template-encryption";
import { buildKeyPolicy } from "../../../components/kmsKeyPolicy";
import { emrServerlessInterworkerEncryption } from "../../../policies/rules/emr-serverless-interworker-encryption";
import { emrServerlessLogEncryption } from "../../../policies/rules/emr-serverless-log-encryption";
import { emrServerlessLogKeyPolicy } from "../../../policies/rules/emr-serverless-log-key-policy";
import { emrStudioEncryption } from "../../../policies/rules/emr-studio-encryption";
import { ACCOUNT, findings, KEY_S3, messages, resource, UNKNOWN } from "../helpers";

const application = (props: Record<string, unknown>): PolicyResource => ({
    type: "aws:emrserverless/application:Application",
    name: "spark",
    props: { releaseLabel: "emr-7.5.0", type: "spark", ...props },
});
const studio = (props: Record<string, unknown>): PolicyResource => ({
    type: "aws:emr/studio:Studio",
    name: "notebooks",
    props: { authMode: "SSO", defaultS3Location: "s3://acme-studio/workspaces", ...props },
});

describe("emr-serverless-log-encryption", () => {
    it("Compliance: managed persistence, S3 and CloudWatch each with a customer managed key", async () => {
        const monitoringConfiguration = {
            managedPersistenceMonitoringConfiguration: { encryptionKeyArn: KEY_S3 },
            s3MonitoringConfiguration: { logUri: "s3://acme-logs/serverless/", encryptionKeyArn: KEY_S3 },
            cloudwatchLoggingConfiguration: { enabled: true, encryptionKeyArn: KEY_S3 },
        };
        assert.deepStrictEqual(await messages(emrServerlessLogEncryption, application({ monitoringConfiguration })), []);
    });

    it("Compliance: managed persistence turned off, and no other destination", async () => {
        const monitoringConfiguration = { managedPersistenceMonitoringConfiguration: { enabled: false } };
        assert.deepStrictEqual(await messages(emrServerlessLogEncryption, application({ monitoringConfiguration })), []);
    });

    it("Noncompliance: no monitoring configuration, so managed persistence is on by default without a key", async () => {
        assert.deepStrictEqual(await messages(emrServerlessLogEncryption, application({})), [
            "Managed log persistence is on (its default) without encryptionKeyArn, so the job logs EMR Serverless keeps are not under a key you control. Set managedPersistenceMonitoringConfiguration.encryptionKeyArn, or turn it off and log to S3 with a key.",
        ]);
    });

    it("Noncompliance: S3 and CloudWatch destinations without a key; a CloudWatch configuration that is off is no destination", async () => {
        const found = await messages(
            emrServerlessLogEncryption,
            application({
                monitoringConfiguration: {
                    managedPersistenceMonitoringConfiguration: { enabled: false },
                    s3MonitoringConfiguration: { logUri: "s3://acme-logs/serverless/" },
                    cloudwatchLoggingConfiguration: { enabled: true },
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((m) => m.split(" (")[0]),
            ["Logs go to S3", "Logs go to CloudWatch Logs"],
        );
        assert.deepStrictEqual(
            await messages(
                emrServerlessLogEncryption,
                application({
                    monitoringConfiguration: {
                        managedPersistenceMonitoringConfiguration: { enabled: false },
                        cloudwatchLoggingConfiguration: { enabled: false, logGroupName: "/emr" },
                    },
                }),
            ),
            [],
        );
    });

    it("reads aws-native's spelling, cloudWatchLoggingConfiguration, as aws classic's cloudwatchLoggingConfiguration", async () => {
        const native = (cloudWatchLoggingConfiguration: Record<string, unknown>): PolicyResource => ({
            ...application({
                monitoringConfiguration: { managedPersistenceMonitoringConfiguration: { enabled: false }, cloudWatchLoggingConfiguration },
            }),
            type: "aws-native:emrserverless:Application",
        });
        assert.deepStrictEqual(
            (await messages(emrServerlessLogEncryption, native({ enabled: true }))).map((m) => m.split(" (")[0]),
            ["Logs go to CloudWatch Logs"],
        );
        assert.deepStrictEqual(await messages(emrServerlessLogEncryption, native({ enabled: true, encryptionKeyArn: KEY_S3 })), []);
    });

    it("cannot verify at preview a key that is not known yet: it defers, and runs at update", async () => {
        const found = await findings(
            emrServerlessLogEncryption,
            [application({ monitoringConfiguration: { managedPersistenceMonitoringConfiguration: { encryptionKeyArn: UNKNOWN } } })],
            { preview: true },
        );
        assert.deepStrictEqual(
            found.map((f) => [f.level, Boolean(f.deferral)]),
            [["advisory", true]],
        );
    });
});

describe("emr-serverless-log-encryption: keys as the EMR Serverless API takes them (CloudFormation EncryptionKeyArn pattern: a key ARN)", () => {
    it("Noncompliance: an alias ARN or a key id in encryptionKeyArn, which EMR Serverless refuses", async () => {
        const monitoringConfiguration = {
            managedPersistenceMonitoringConfiguration: { encryptionKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/emr-logs` },
            s3MonitoringConfiguration: { logUri: "s3://acme-logs/serverless/", encryptionKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" },
        };
        const found = await messages(emrServerlessLogEncryption, application({ monitoringConfiguration }));
        assert.deepStrictEqual(
            found.map((m) => m.split(":")[0]),
            [
                'managedPersistenceMonitoringConfiguration.encryptionKeyArn is "arn',
                's3MonitoringConfiguration.encryptionKeyArn is "1234abcd-12ab-34cd-56ef-1234567890ab", a bare key id',
            ],
        );
        assert.match(found[0], /, an alias ARN: EMR Serverless accepts only a key ARN/);
    });
});

describe("emr-serverless-log-key-policy (EMR Serverless User Guide, encrypting logs: the service principal uses the key)", () => {
    const key = (allowEmrServerlessLogs: boolean) =>
        resource("aws:kms/key:Key", "logs", {
            arn: KEY_S3,
            policy: JSON.stringify(
                buildKeyPolicy({
                    partition: "aws",
                    accountId: ACCOUNT,
                    adminRoleArns: [],
                    keyUserRoleArns: [],
                    ebsServiceRoleArns: [],
                    allowEmrWal: false,
                    allowEmrServerlessLogs,
                }),
            ),
        });
    const logsTo = (monitoringConfiguration: Record<string, unknown>) => ({ ...application({ monitoringConfiguration }), urn: "urn:app" });
    const managedAndS3 = logsTo({
        managedPersistenceMonitoringConfiguration: { encryptionKeyArn: KEY_S3 },
        s3MonitoringConfiguration: { logUri: "s3://acme-logs/spark/", encryptionKeyArn: KEY_S3 },
    });
    const said = async (resources: PolicyResource[]) => (await findings(emrServerlessLogKeyPolicy, resources)).map((f) => f.message);

    it("Compliance: the stack's key lets emr-serverless.amazonaws.com generate and decrypt data keys", async () => {
        assert.deepStrictEqual(await said([managedAndS3, key(true)]), []);
    });

    it("Noncompliance: a key of the stack whose policy leaves the service out, for each destination it encrypts", async () => {
        assert.deepStrictEqual(await said([managedAndS3, key(false)]), [
            'The key "logs" encrypts the logs of the application "spark" (managedPersistenceMonitoringConfiguration), but its policy does not let emr-serverless.amazonaws.com use it (kms:GenerateDataKey, kms:Decrypt), so EMR Serverless cannot write them. Add a statement for the service principal.',
            'The key "logs" encrypts the logs of the application "spark" (s3MonitoringConfiguration), but its policy does not let emr-serverless.amazonaws.com use it (kms:GenerateDataKey, kms:Decrypt), so EMR Serverless cannot write them. Add a statement for the service principal.',
        ]);
    });

    it("judges neither a key outside the stack nor the CloudWatch destination's key, which CloudWatch Logs uses", async () => {
        assert.deepStrictEqual(await said([managedAndS3]), []);
        const cloudwatch = logsTo({
            managedPersistenceMonitoringConfiguration: { enabled: false },
            cloudwatchLoggingConfiguration: { enabled: true, encryptionKeyArn: KEY_S3 },
        });
        assert.deepStrictEqual(await said([cloudwatch, key(false)]), []);
    });

    it("cannot verify at preview a key not known yet: it defers", async () => {
        const unknown = logsTo({ managedPersistenceMonitoringConfiguration: { encryptionKeyArn: UNKNOWN } });
        const found = await findings(emrServerlessLogKeyPolicy, [unknown, key(false)], { preview: true });
        assert.ok(found.length === 1 && found[0].deferral, JSON.stringify(found));
    });
});

describe("emr-serverless-interworker-encryption (EMR Serverless User Guide, inter-worker encryption: spark.ssl.internode.enabled, EMR 6.15.0)", () => {
    const TLS = "spark.ssl.internode.enabled";
    const spark = (properties?: Record<string, string>, releaseLabel = "emr-7.5.0") =>
        application({ releaseLabel, runtimeConfigurations: properties && [{ classification: "spark-defaults", properties }] });
    const said = (resource: PolicyResource) => messages(emrServerlessInterworkerEncryption, resource);

    it("Compliance: spark-defaults turns mutual TLS on, in aws classic and aws-native shapes, whatever the case of true", async () => {
        assert.deepStrictEqual(await said(spark({ [TLS]: "true" })), []);
        assert.deepStrictEqual(await said(spark({ [TLS]: " TRUE " })), []);
        const native: PolicyResource = {
            type: "aws-native:emrserverless:Application",
            name: "spark",
            props: {
                releaseLabel: "emr-7.5.0",
                type: "SPARK",
                runtimeConfiguration: [{ classification: "spark-defaults", properties: { [TLS]: "true" } }],
            },
        };
        assert.deepStrictEqual(await said(native), []);
    });

    it("Noncompliance (advisory): not set, set false, or set to what is not a boolean; a setting in another classification does not count", async () => {
        assert.match((await said(spark()))[0], /does not turn on inter-worker TLS/);
        assert.match((await said(spark({ "spark.executor.memory": "4g" })))[0], /does not turn on inter-worker TLS/);
        const otherClassification = application({
            runtimeConfigurations: [{ classification: "spark-hive-site", properties: { [TLS]: "true" } }],
        });
        assert.match((await said(otherClassification))[0], /does not turn on inter-worker TLS/);
        assert.deepStrictEqual(await said(spark({ [TLS]: "false" })), [
            'spark-defaults sets spark.ssl.internode.enabled to "false": shuffle data and control messages between workers travel in clear. Set it to "true".',
        ]);
        assert.deepStrictEqual(await said(spark({ [TLS]: "yes" })), [
            'spark-defaults sets spark.ssl.internode.enabled to "yes", which is not a boolean ("true" or "false"). Set it to "true".',
        ]);
        const found = await findings(emrServerlessInterworkerEncryption, [spark()]);
        assert.deepStrictEqual(
            found.map((f) => f.level),
            ["advisory"],
        );
    });

    it("Noncompliance (advisory): a release before 6.15.0 has no inter-worker TLS", async () => {
        assert.deepStrictEqual(await said(spark({ [TLS]: "true" }, "emr-6.14.0")), [
            'Inter-worker TLS needs EMR 6.15.0 or later; the application runs "emr-6.14.0", so shuffle data between workers travels in clear. Raise releaseLabel.',
        ]);
        assert.deepStrictEqual(await said(spark({ [TLS]: "true" }, "emr-6.15.0")), []);
    });

    it("is not applicable to a Hive application, and defers a value not known at preview", async () => {
        assert.deepStrictEqual(await said({ ...spark(), props: { releaseLabel: "emr-7.5.0", type: "hive" } }), []);
        const found = await findings(emrServerlessInterworkerEncryption, [spark({ [TLS]: UNKNOWN as unknown as string })], {
            preview: true,
        });
        assert.ok(found.length === 1 && found[0].deferral, JSON.stringify(found));
    });
});

describe("emr-studio-encryption", () => {
    it("Compliance: a customer managed key, and IAM Identity Center sign-in", async () => {
        assert.deepStrictEqual(await messages(emrStudioEncryption, studio({ encryptionKeyArn: KEY_S3 })), []);
    });

    it("Noncompliance: no key for the Workspace backups, in aws classic and aws-native shapes", async () => {
        assert.deepStrictEqual(await messages(emrStudioEncryption, { ...studio({}), type: "aws-native:emr:Studio" }), [
            "The Studio sets no encryptionKeyArn, so Workspace and notebook backups in its defaultS3Location are encrypted only as the bucket's default says. Set encryptionKeyArn to a customer managed key.",
        ]);
        assert.deepStrictEqual(await messages(emrStudioEncryption, studio({})), [
            "The Studio sets no encryptionKeyArn, so Workspace and notebook backups in its defaultS3Location are encrypted only as the bucket's default says. Set encryptionKeyArn to a customer managed key.",
        ]);
    });

    it("Noncompliance: IAM sign-in where the options allow only IAM Identity Center", async () => {
        const found = await findings(emrStudioEncryption, [studio({ encryptionKeyArn: KEY_S3, authMode: "IAM" })], {
            config: { "emr-studio-encryption": { allowedAuthModes: ["SSO"] } },
        });
        assert.deepStrictEqual(
            found.map((f) => f.message),
            ['authMode is "IAM"; allowed: "SSO".'],
        );
    });

    it("cannot verify at preview a key that is not known yet: it defers", async () => {
        const found = await findings(emrStudioEncryption, [studio({ encryptionKeyArn: UNKNOWN })], { preview: true });
        assert.ok(found.length === 1 && found[0].deferral, JSON.stringify(found));
    });
});

describe("emr-eks-job-template-encryption", () => {
    const template = (props: Record<string, unknown>): PolicyResource => ({
        type: "aws:emrcontainers/jobTemplate:JobTemplate",
        name: "etl",
        props: { name: "etl", jobTemplateData: { releaseLabel: "emr-7.5.0-latest" }, ...props },
    });

    it("Compliance: a customer managed key", async () => {
        assert.deepStrictEqual(await messages(emrEksJobTemplateEncryption, template({ kmsKeyArn: KEY_S3 })), []);
    });

    it("Noncompliance: no key", async () => {
        assert.deepStrictEqual(await messages(emrEksJobTemplateEncryption, template({})), [
            "The job template sets no kmsKeyArn, so what it stores (execution role, entry point and arguments, Spark settings) is not under a key you control. Set kmsKeyArn to a customer managed key.",
        ]);
    });

    it("Noncompliance: a key named other than by its ARN, which the EMR on EKS API refuses; a template parameter is allowed", async () => {
        assert.deepStrictEqual(await messages(emrEksJobTemplateEncryption, template({ kmsKeyArn: "alias/emr-eks" })), [
            'kmsKeyArn is "alias/emr-eks", an alias: EMR on EKS accepts only a key ARN (arn:aws:kms:<region>:<account>:key/<id>) and refuses it. Give the key\'s ARN.',
        ]);
        assert.deepStrictEqual(await messages(emrEksJobTemplateEncryption, template({ kmsKeyArn: "${TemplateKey}" })), []);
    });

    it("cannot verify at preview a key that is not known yet: it defers", async () => {
        const found = await findings(emrEksJobTemplateEncryption, [template({ kmsKeyArn: UNKNOWN })], { preview: true });
        assert.ok(found.length === 1 && found[0].deferral, JSON.stringify(found));
    });
});
