import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { submitArguments } from "../../../policies/model";
import { emrEksSecurityConfiguration } from "../../../policies/rules/emr-eks-security-configuration";
import { emrEksSparkEncryption } from "../../../policies/rules/emr-eks-spark-encryption";
import { findings, messages, UNKNOWN } from "../helpers";

const ON = { "spark.authenticate": "true", "spark.network.crypto.enabled": "true", "spark.io.encryption.enabled": "true" };

const template = (options: { properties?: Record<string, string>; submit?: string; sql?: string }): PolicyResource => ({
    type: "aws:emrcontainers/jobTemplate:JobTemplate",
    name: "etl",
    props: {
        name: "etl",
        kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        jobTemplateData: {
            releaseLabel: "emr-7.5.0-latest",
            executionRoleArn: "arn:aws:iam::111122223333:role/etl",
            jobDriver:
                options.sql === undefined
                    ? { sparkSubmitJobDriver: { entryPoint: "s3://acme-jobs/etl.py", sparkSubmitParameters: options.submit } }
                    : { sparkSqlJobDriver: { entryPoint: "s3://acme-jobs/etl.sql", sparkSqlParameters: options.sql } },
            configurationOverrides: options.properties && {
                applicationConfigurations: [{ classification: "spark-defaults", properties: options.properties }],
            },
        },
    },
});
const said = (resource: PolicyResource) => messages(emrEksSparkEncryption, resource);

describe("spark-submit parameters, read as Spark's launcher reads them (SparkSubmitOptionParser, SparkSubmitArguments)", () => {
    it("takes --conf k=v, -c k=v and --conf=k=v, quoted or not, splitting at the first '=' and keeping every one in order", () => {
        const read = submitArguments(
            `--conf spark.authenticate=true -c "spark.io.encryption.enabled=false" --conf=spark.network.crypto.enabled=true --conf 'spark.app.name=a b=c' --conf spark.authenticate=false`,
        );
        assert.deepStrictEqual(read.confs, [
            { property: "spark.authenticate", value: "true" },
            { property: "spark.io.encryption.enabled", value: "false" },
            { property: "spark.network.crypto.enabled", value: "true" },
            { property: "spark.app.name", value: "a b=c" },
            { property: "spark.authenticate", value: "false" },
        ]);
    });

    it("ignores other options and their values, a --conf without '=', -c=... (not an option Spark knows) and a trailing --conf", () => {
        const read = submitArguments("--executor-memory 4G --conf noequals -c=spark.authenticate=false --verbose --conf");
        assert.deepStrictEqual(read.confs, []);
        assert.strictEqual(read.propertiesFile, undefined);
    });

    it("notes --properties-file, which Spark reads instead of spark-defaults.conf", () => {
        assert.strictEqual(submitArguments("--properties-file /etc/spark/job.conf").propertiesFile, "/etc/spark/job.conf");
        assert.strictEqual(submitArguments("--properties-file=s.conf").propertiesFile, "s.conf");
    });
});

describe("emr-eks-spark-encryption (EMR on EKS best practices, encryption: spark.authenticate, spark.network.crypto.enabled, spark.io.encryption.enabled)", () => {
    it("Compliance: all three on in spark-defaults, with --conf, or with spark-sql parameters, in any case of true; a spark-sql false is named there", async () => {
        assert.deepStrictEqual(await said(template({ properties: ON })), []);
        const flags = Object.entries(ON)
            .map(([k]) => `--conf ${k}=TRUE`)
            .join(" ");
        assert.deepStrictEqual(await said(template({ submit: `--executor-memory 4G ${flags}` })), []);
        assert.deepStrictEqual(await said(template({ sql: flags })), []);
        assert.deepStrictEqual(await said(template({ sql: `${flags} --conf spark.io.encryption.enabled=false` })), [
            `sparkSqlParameters sets spark.io.encryption.enabled to "false": jobs run without encryption of the shuffle and spill files Spark writes to local disk. Set it to "true".`,
        ]);
    });

    it("Noncompliance (advisory): none set names each switch and what it protects", async () => {
        const found = await findings(emrEksSparkEncryption, [template({})]);
        assert.deepStrictEqual(
            found.map((f) => [f.level, f.message.split(",")[0]]),
            [
                ["advisory", "The job template does not set spark.authenticate"],
                ["advisory", "The job template does not set spark.network.crypto.enabled"],
                ["advisory", "The job template does not set spark.io.encryption.enabled"],
            ],
        );
    });

    it("Noncompliance: a --conf false overrides spark-defaults true, as Spark takes flags over spark-defaults", async () => {
        assert.deepStrictEqual(await said(template({ properties: ON, submit: "--conf spark.network.crypto.enabled=false" })), [
            `sparkSubmitParameters sets spark.network.crypto.enabled to "false": jobs run without encryption of Spark's RPC traffic (shuffle, broadcast and control messages). Set it to "true".`,
        ]);
    });

    it("Compliance: the last --conf of a property wins, so a later true repairs an earlier false", async () => {
        const submit = "--conf spark.authenticate=false --conf spark.authenticate=true";
        assert.deepStrictEqual(await said(template({ properties: ON, submit })), []);
    });

    it("Noncompliance: a value that is not a boolean, which Spark refuses, and a template parameter the stack cannot show", async () => {
        const found = await said(
            template({ properties: { ...ON, "spark.authenticate": "yes", "spark.io.encryption.enabled": "${EncryptSpill}" } }),
        );
        assert.deepStrictEqual(found, [
            'spark-defaults sets spark.authenticate to "yes", which is not true or false: Spark refuses it and the job fails. Set it to "true".',
            'spark-defaults sets spark.io.encryption.enabled to the template parameter "${EncryptSpill}", given when each job starts, so the stack cannot show whether jobs run with encryption of the shuffle and spill files Spark writes to local disk. Set it to "true" in the template.',
        ]);
    });

    it("Noncompliance: with --properties-file, spark-defaults is not read, so only a --conf counts", async () => {
        const found = await said(template({ properties: ON, submit: "--properties-file /etc/job.conf --conf spark.authenticate=true" }));
        assert.deepStrictEqual(
            found.map((m) => m.split(",")[0]),
            [
                'sparkSubmitParameters name --properties-file "/etc/job.conf"',
                'sparkSubmitParameters name --properties-file "/etc/job.conf"',
            ],
        );
        assert.match(found[0], /spark\.network\.crypto\.enabled/);
    });

    it("a setting in another classification does not count, and a value not known at preview defers", async () => {
        const other = template({});
        (other.props.jobTemplateData as Record<string, unknown>).configurationOverrides = {
            applicationConfigurations: [{ classification: "spark-hive-site", properties: ON }],
        };
        assert.strictEqual((await said(other)).length, 3);
        const unknown = await findings(emrEksSparkEncryption, [template({ submit: UNKNOWN as unknown as string })], { preview: true });
        assert.ok(unknown.length === 1 && unknown[0].deferral, JSON.stringify(unknown));
    });
});

describe("emr-eks-security-configuration (CloudFormation AWS::EMRContainers::SecurityConfiguration, as aws-native spells it)", () => {
    const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const SECRET = (name: string) => `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}`;
    const configuration = (encryptionConfiguration?: Record<string, unknown>): PolicyResource => ({
        type: "aws-native:emrcontainers:SecurityConfiguration",
        name: "lake",
        props: {
            securityConfigurationData: {
                authorizationConfiguration: { lakeFormationConfiguration: { authorizedSessionTagValue: "EMR on EKS Engine" } },
                ...(encryptionConfiguration && { encryptionConfiguration }),
            },
        },
    });
    const said = (resource: PolicyResource) => messages(emrEksSecurityConfiguration, resource);
    const complete = {
        atRestEncryptionConfiguration: {
            s3EncryptionConfiguration: { encryptionOption: "SSE-KMS", kmsKeyId: KEY },
            localDiskEncryptionConfiguration: { encryptionKeyProviderType: "AwsKms", awsKmsKeyId: "alias/emr-eks" },
        },
        inTransitEncryptionConfiguration: {
            tlsCertificateConfiguration: {
                certificateProviderType: "PEM",
                privateKeySecretArn: SECRET("tls-key"),
                publicKeySecretArn: SECRET("tls-cert"),
            },
        },
    };

    it("Compliance: S3 and local disks under KMS keys, in-transit TLS with both secrets", async () => {
        assert.deepStrictEqual(await said(configuration(complete)), []);
    });

    it("is not applicable to a configuration without encryption settings (Lake Formation only)", async () => {
        const found = await findings(emrEksSecurityConfiguration, [configuration()]);
        assert.deepStrictEqual(found, []);
    });

    it("Noncompliance: SSE-S3, a KMS option or provider without a key, and a value CloudFormation does not accept", async () => {
        assert.deepStrictEqual(
            await said(
                configuration({
                    atRestEncryptionConfiguration: {
                        s3EncryptionConfiguration: { encryptionOption: "SSE-S3" },
                        localDiskEncryptionConfiguration: { encryptionKeyProviderType: "awskms" },
                    },
                }),
            ),
            [
                "S3 data is encrypted with SSE-S3, under keys S3 owns rather than a key you control. Use SSE-KMS or CSE-KMS with kmsKeyId.",
                'localDiskEncryptionConfiguration.encryptionKeyProviderType is "awskms"; CloudFormation accepts "AwsKms" (case-sensitive).',
                "localDiskEncryptionConfiguration awsKmsKeyId names no key. Give a customer managed key's ARN.",
            ],
        );
        assert.deepStrictEqual(
            await said(
                configuration({
                    atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionOption: "CSE-KMS", kmsKeyId: "not a key" } },
                }),
            ),
            [
                's3EncryptionConfiguration uses CSE-KMS but kmsKeyId names "not a key", which is no KMS key. Give a customer managed key\'s ARN.',
            ],
        );
    });

    it("Noncompliance: TLS with a secret missing or not a Secrets Manager ARN", async () => {
        const found = await said(
            configuration({
                inTransitEncryptionConfiguration: {
                    tlsCertificateConfiguration: { certificateProviderType: "PEM", publicKeySecretArn: "s3://acme/cert.pem" },
                },
            }),
        );
        assert.deepStrictEqual(
            found.map((m) => m.split(":")[0]),
            [
                "tlsCertificateConfiguration.privateKeySecretArn is unset",
                "tlsCertificateConfiguration.publicKeySecretArn must be a Secrets Manager secret ARN such as arn",
            ],
        );
    });

    it("defers a key not known at preview", async () => {
        const unknown = configuration({
            atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionOption: "SSE-KMS", kmsKeyId: UNKNOWN } },
        });
        const found = await findings(emrEksSecurityConfiguration, [unknown], { preview: true });
        assert.ok(found.length === 1 && found[0].deferral, JSON.stringify(found));
    });
});

describe("hostile job templates and EKS security configurations", () => {
    it("wrong types, cycles and huge values get bounded findings in bounded time, never a throw or a pass", async () => {
        const cyclic: Record<string, unknown> = { classification: "spark-defaults" };
        cyclic.configurations = [cyclic];
        const huge = "x".repeat(5_000_000);
        const templates: PolicyResource[] = [
            { type: "aws:emrcontainers/jobTemplate:JobTemplate", name: "t1", props: { jobTemplateData: 42 } },
            {
                type: "aws:emrcontainers/jobTemplate:JobTemplate",
                name: "t2",
                props: {
                    jobTemplateData: {
                        jobDriver: {
                            sparkSubmitJobDriver: {
                                sparkSubmitParameters: `${"--conf a=b ".repeat(200_000)}--conf spark.authenticate=${huge}`,
                            },
                        },
                        configurationOverrides: { applicationConfigurations: [null, 1, { classification: 5, properties: "x" }, cyclic] },
                    },
                },
            },
            template({ properties: { ...ON, "spark.io.encryption.enabled": `\${${"a".repeat(1_000_000)}}` } }),
        ];
        const started = Date.now();
        for (const resource of templates) {
            const found = await findings(emrEksSparkEncryption, [resource]);
            assert.ok(found.length >= 1 && found.length <= 3, JSON.stringify(found.map((f) => f.message.slice(0, 80))));
            assert.ok(
                found.every((f) => f.message.length < 2000),
                "messages stay short",
            );
        }
        const configuration: PolicyResource = {
            type: "aws-native:emrcontainers:SecurityConfiguration",
            name: "odd",
            props: {
                securityConfigurationData: {
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionOption: huge, kmsKeyId: 7 } },
                        inTransitEncryptionConfiguration: {
                            tlsCertificateConfiguration: { privateKeySecretArn: 1, publicKeySecretArn: huge },
                        },
                    },
                },
            },
        };
        const found = await messages(emrEksSecurityConfiguration, configuration);
        assert.deepStrictEqual(
            found.map((m) => m.split(/[;:,]/)[0]),
            [
                `s3EncryptionConfiguration.encryptionOption is "${"x".repeat(77)}..." (5000000 characters)`,
                "tlsCertificateConfiguration.certificateProviderType is unset",
                "tlsCertificateConfiguration.privateKeySecretArn is not a string",
                "tlsCertificateConfiguration.publicKeySecretArn must be a Secrets Manager secret ARN such as arn",
            ],
        );
        assert.ok(found.length === 4 && found.every((m) => m.length < 2000), JSON.stringify(found.map((m) => m.slice(0, 100))));
        assert.ok(Date.now() - started < 60000, "bounded time");
    });
});
