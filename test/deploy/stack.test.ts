import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { validateSecurityConfiguration } from "../../policies/model";
import { ACCOUNT, isSecret, valueOf } from "../mocks";
import { runProgram } from "./runProgram";

const ROOT = path.join(__dirname, "../..");
const PROGRAM = path.join(ROOT, "deploy/index.ts");

interface ProjectFile {
    name: string;
    main: string;
    runtime: { name: string; options: Record<string, unknown> };
    config: Record<string, { type: string; items?: { type: string }; description?: string; default?: unknown; secret?: boolean }>;
}

const project = yaml.load(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as ProjectFile;

describe("the deployable stack (Pulumi.yaml)", () => {
    it("deploys the secure baseline with every secure default from empty stack config", async () => {
        const { mocks, outputs } = await runProgram({ "aws:region": "eu-west-1" });
        const configuration = mocks.one("aws:emr/securityConfiguration:SecurityConfiguration").inputs.configuration;
        assert.deepStrictEqual(validateSecurityConfiguration(configuration, { releaseLabel: "emr-7.5.0" }), []);
        const document = JSON.parse(configuration);
        assert.strictEqual(
            document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode,
            "SSE-KMS",
        );
        assert.strictEqual(
            document.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EnableEbsEncryption,
            true,
        );
        assert.strictEqual(document.EncryptionConfiguration.EnableInTransitEncryption, true);
        assert.deepStrictEqual(document.InstanceMetadataServiceConfiguration, {
            MinimumInstanceMetadataServiceVersion: 2,
            HttpPutResponseHopLimit: 1,
        });
        assert.match((await valueOf(outputs.securityConfigurationName)) as string, /^emr-security-[0-9a-f]{12}$/);
        // Role names from config become ARNs in the looked-up account.
        const diskPolicy = JSON.parse(mocks.ofType("aws:kms/key:Key").find((k) => k.name === "emr-disk-key")!.inputs.policy);
        assert.deepStrictEqual(diskPolicy.Statement[3].Principal, { AWS: `arn:aws:iam::${ACCOUNT}:role/EMR_DefaultRole_V2` });
        const cert = mocks.one("tls:index/selfSignedCert:SelfSignedCert");
        assert.deepStrictEqual(cert.inputs.dnsNames, ["*.eu-west-1.compute.internal"]);
        assert.strictEqual(await valueOf(outputs.kerberosAttributes), undefined);
    });

    it("turns Kerberos with an Active Directory trust on from config, keeping passwords secret", async () => {
        const { mocks, outputs } = await runProgram({
            "aws:region": "us-east-1",
            accountId: "111122223333",
            instanceProfileRole: "arn:aws:iam::111122223333:role/analytics-ec2",
            kerberosRealm: "EC2.INTERNAL",
            crossRealmTrustRealm: "AD.ACME.EXAMPLE",
            crossRealmTrustDomain: "ad.acme.example",
            crossRealmTrustAdminServer: "dc1.ad.acme.example",
            crossRealmTrustKdcServer: "dc1.ad.acme.example",
            adDomainJoinUser: "emr-join",
            kdcAdminPassword: "kdc-Secret-1",
        });
        const document = JSON.parse(mocks.one("aws:emr/securityConfiguration:SecurityConfiguration").inputs.configuration);
        assert.strictEqual(
            document.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.Realm,
            "AD.ACME.EXAMPLE",
        );
        assert.strictEqual(await isSecret(outputs.kerberosAttributes), true);
        const attributes = (await valueOf(outputs.kerberosAttributes)) as Record<string, string>;
        assert.strictEqual(attributes.kdcAdminPassword, "kdc-Secret-1");
        assert.deepStrictEqual(
            mocks.ofType("random:index/randomPassword:RandomPassword").map((r) => r.name),
            ["emr-kerberos-cross-realm-password", "emr-kerberos-ad-join-password"],
        );
        const s3Policy = JSON.parse(mocks.ofType("aws:kms/key:Key").find((k) => k.name === "emr-s3-key")!.inputs.policy);
        assert.deepStrictEqual(s3Policy.Statement[1].Principal, { AWS: "arn:aws:iam::111122223333:role/analytics-ec2" });
    });

    it("applies overrides from config", async () => {
        const { mocks } = await runProgram({
            "aws:region": "us-east-1",
            s3EncryptionMode: "CSE-KMS",
            separateKeys: "false",
            imdsHopLimit: "2",
            certificateExtraDnsNames: '["trino.acme.example"]',
            serverlessLogs: "true",
        });
        const document = JSON.parse(mocks.one("aws:emr/securityConfiguration:SecurityConfiguration").inputs.configuration);
        assert.strictEqual(
            document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode,
            "CSE-KMS",
        );
        assert.strictEqual(document.InstanceMetadataServiceConfiguration.HttpPutResponseHopLimit, 2);
        assert.deepStrictEqual(
            mocks.ofType("aws:kms/key:Key").map((k) => k.name),
            ["emr-key"],
        );
        assert.deepStrictEqual(mocks.one("tls:index/selfSignedCert:SelfSignedCert").inputs.dnsNames, [
            "*.ec2.internal",
            "trino.acme.example",
        ]);
        // serverlessLogs lets CloudWatch Logs of the stack's Region use the one key.
        const statements = JSON.parse(mocks.one("aws:kms/key:Key").inputs.policy).Statement as { Sid: string; Principal: unknown }[];
        assert.deepStrictEqual(statements.find((s) => s.Sid === "CloudWatchLogsEncryptsLogGroups")?.Principal, {
            Service: "logs.us-east-1.amazonaws.com",
        });
    });

    it("refuses bad config with a message naming each argument", async () => {
        await assert.rejects(
            runProgram({
                "aws:region": "us-east-1",
                s3KmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/emr",
                kerberosRealm: "ec2.internal",
            }),
            (e: Error) =>
                /s3KmsKeyArn must name a KMS key: after key\/ comes a key id/.test(e.message) &&
                /kerberos\.realm must be upper case/.test(e.message),
        );
    });

    describe("Pulumi.yaml", () => {
        it("runs the program in deploy/ with the nodejs runtime", () => {
            assert.strictEqual(project.name, "emr-security");
            assert.strictEqual(project.runtime.name, "nodejs");
            assert.ok(fs.existsSync(path.join(ROOT, project.main)), project.main);
        });

        it("declares exactly the config keys the program reads, each typed and described as Pulumi's project schema allows", () => {
            const source = fs.readFileSync(PROGRAM, "utf8");
            const read = new Set([...source.matchAll(/config\.(?:get|require)\w*(?:<[^>]+>)?\("([^"]+)"\)/g)].map((m) => m[1]));
            assert.deepStrictEqual([...read].sort(), Object.keys(project.config).sort());
            for (const [key, declaration] of Object.entries(project.config)) {
                assert.deepStrictEqual(
                    Object.keys(declaration).filter((k) => !["type", "items", "description", "default", "secret"].includes(k)),
                    [],
                    key,
                );
                assert.ok(["string", "integer", "boolean", "array"].includes(declaration.type), key);
                assert.ok(declaration.type !== "array" || declaration.items, `${key}: arrays need items`);
                assert.ok(declaration.description, `${key} has a description`);
            }
        });

        it("declares the same defaults the program falls back to", () => {
            const source = fs.readFileSync(PROGRAM, "utf8");
            const declared = Object.entries(project.config).filter(([, d]) => d.default !== undefined);
            assert.deepStrictEqual(
                declared.map(([k]) => k),
                ["releaseLabel", "namePrefix", "instanceProfileRole", "serviceRole"],
            );
            for (const [key, declaration] of declared) {
                assert.ok(
                    source.includes(`config.get("${key}") ?? ${JSON.stringify(declaration.default)}`),
                    `${key} defaults to ${declaration.default} in the program`,
                );
            }
        });

        it("declares as secret every password, and reads each of them as a secret", () => {
            const source = fs.readFileSync(PROGRAM, "utf8");
            const secrets = Object.entries(project.config)
                .filter(([, d]) => d.secret)
                .map(([k]) => k);
            assert.deepStrictEqual(secrets, ["kdcAdminPassword", "crossRealmTrustPassword", "adDomainJoinPassword"]);
            for (const key of secrets) {
                assert.match(source, new RegExp(`config\\.getSecret\\("${key}"\\)`));
            }
        });
    });
});
