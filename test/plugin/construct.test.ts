import * as assert from "assert";
import { EngineServer } from "../../cli/engineServer";
import { OfflineEngine } from "../../cli/offlineEngine";
import { SECRET_SIG, SECRET_VALUE } from "../../policies/secrets";
import { ACCOUNT, role } from "../mocks";
import { call, PluginHost, providerProto, startPluginHost, Struct } from "./pluginHost";

const secret = (value: unknown) => ({ [SECRET_SIG]: SECRET_VALUE, value });
const isSecretWire = (value: unknown) =>
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE;

interface ConstructResponse {
    getUrn(): string;
    getState(): { toJavaScript(): Record<string, unknown> } | undefined;
}

/**
 * What a Python or Go program's engine does with SecureEmrBaseline: it starts the package through
 * `cmd/run-plugin` and sends `Construct` over gRPC, with the resource monitor the children register to.
 */
describe("components from other languages (Construct over gRPC)", function () {
    this.timeout(120000);
    let engine: OfflineEngine;
    let server: EngineServer;
    let host: PluginHost;

    before(async () => {
        engine = new OfflineEngine({
            project: "emr",
            stack: "dev",
            region: "us-east-1",
            accountId: ACCOUNT,
            partition: "aws",
            preview: false,
        });
        server = new EngineServer(engine);
        const addresses = await server.start();
        server.install();
        host = await startPluginHost(addresses.engine);
        (host as PluginHost & { monitor: string }).monitor = addresses.monitor;
    });
    after(() => {
        host?.stop();
        server?.stop();
    });

    async function construct(type: string, name: string, inputs: Record<string, unknown>): Promise<ConstructResponse> {
        const request = new providerProto.ConstructRequest();
        request.setProject("emr");
        request.setStack("dev");
        request.setDryrun(false);
        request.setParallel(1);
        request.setMonitorendpoint((host as PluginHost & { monitor: string }).monitor);
        request.setType(type);
        request.setName(name);
        request.setInputs(Struct.fromJavaScript(inputs));
        return call<ConstructResponse>(host, "construct", request);
    }

    it("builds SecureEmrBaseline's children under it and returns its outputs, secrets still secret", async () => {
        const response = await construct("emr-security:index:SecureEmrBaseline", "emr", {
            instanceProfileRoleArn: role("EMR_EC2_DefaultRole"),
            serviceRoleArn: role("EMR_DefaultRole_V2"),
            accountId: ACCOUNT,
            partition: "aws",
            region: "us-east-1",
            releaseLabel: "emr-7.5.0",
            // A list holding a secret reaches the component as one output, as a Python program sends it.
            dataRoleArns: [secret(role("Analysts"))],
            kerberos: { realm: "EC2.INTERNAL" },
        });
        assert.strictEqual(response.getUrn(), "urn:pulumi:dev::emr::emr-security:index:SecureEmrBaseline::emr", host.stderr());

        const children = engine.registered.filter((r) => r.parent === response.getUrn()).map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(children.sort(), [
            "emr-security:index:InTransitCertificate emr-cert",
            "emr-security:index:Kerberos emr-kerberos",
            "emr-security:index:KmsKey emr-disk-key",
            "emr-security:index:KmsKey emr-s3-key",
            "emr-security:index:SecurityConfiguration emr-config",
        ]);
        const configuration = engine.registered.find((r) => r.type === "aws:emr/securityConfiguration:SecurityConfiguration");
        const document = JSON.parse(configuration!.inputs.configuration);
        assert.strictEqual(document.AuthenticationConfiguration.KerberosConfiguration.Provider, "ClusterDedicatedKdc");
        assert.strictEqual(document.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion, 2);

        // The policy names a secret, so it is secret itself.
        const policy = engine.registered.find((r) => r.name === "emr-s3-key" && r.custom)!.inputs.policy;
        assert.ok(isSecretWire(policy), "the key policy that names a secret role is secret");
        const s3KeyPolicy = JSON.parse((policy as { value: string }).value);
        const users = s3KeyPolicy.Statement.filter((st: { Sid: string }) => st.Sid === "EmrRolesUseKey").flatMap(
            (st: { Principal: { AWS: string | string[] } }) => [st.Principal.AWS].flat(),
        );
        assert.ok(users.includes(role("Analysts")), `the data role from the secret list uses the S3 key: ${JSON.stringify(users)}`);

        const state = response.getState()!.toJavaScript();
        assert.strictEqual(state.securityConfigurationName, configuration!.state?.name ?? configuration!.inputs.name);
        assert.ok(
            isSecretWire(state.kerberosAttributes),
            `kerberosAttributes reaches the caller as a secret: ${JSON.stringify(state.kerberosAttributes)}`,
        );
        const attributes = (state.kerberosAttributes as { value: { realm: string; kdcAdminPassword: string } }).value;
        assert.strictEqual(attributes.realm, "EC2.INTERNAL");
        assert.ok(attributes.kdcAdminPassword.length >= 32, "a generated KDC password");
        assert.match(String(state.certificateS3Uri), /^s3:\/\/.+\.zip$/);
        assert.strictEqual(JSON.parse(String(state.configuration)).EncryptionConfiguration.EnableAtRestEncryption, true);
    });

    it("refuses, naming it, a nested argument that arrives as one output (a secret inside kerberos), rather than misreading it", async () => {
        await assert.rejects(
            construct("emr-security:index:SecureEmrBaseline", "nested", {
                instanceProfileRoleArn: role("EMR_EC2_DefaultRole"),
                serviceRoleArn: role("EMR_DefaultRole_V2"),
                accountId: ACCOUNT,
                partition: "aws",
                kerberos: { realm: "EC2.INTERNAL", kdcAdminPassword: secret("kdc-Secret-1") },
            }),
            (error: Error) => {
                assert.match(
                    error.message,
                    /Invalid arguments for SecureEmrBaseline "nested":\n {2}- kerberos arrived as one output value/,
                );
                assert.doesNotMatch(error.message, /crossRealmTrust|externalKdc|kdc-Secret-1/);
                return true;
            },
        );
    });

    it("refuses invalid arguments with the component's one error, naming each argument", async () => {
        await assert.rejects(
            construct("emr-security:index:SecureEmrBaseline", "bad", {
                instanceProfileRoleArn: "EMR_EC2_DefaultRole",
                serviceRoleArn: role("EMR_DefaultRole_V2"),
                accountId: ACCOUNT,
                partition: "aws",
                keyDeletionWindowInDays: 3,
            }),
            (error: Error) => {
                assert.match(error.message, /Invalid arguments for SecureEmrBaseline "bad"/);
                assert.match(error.message, /instanceProfileRoleArn must be an IAM role ARN/);
                assert.match(error.message, /keyDeletionWindowInDays must be a whole number from 7 to 30; got 3/);
                return true;
            },
        );
    });
});
