import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";
import { SECRET_RESOURCE_PROPERTIES, SECRET_TYPE_PROPERTIES } from "../../plugin/secretProperties";
import { SECRET_SIG, SECRET_VALUE } from "../../policies/secrets";
import { ACCOUNT, role } from "../mocks";
import { call, PluginWithEngine, providerProto, ROOT, startPluginWithEngine, Struct } from "./pluginHost";

/** One plugin process and one engine for the file: inferring the schema is the slow part, and Construct needs it too. */
let plugin: PluginWithEngine;

const secret = (value: unknown) => ({ [SECRET_SIG]: SECRET_VALUE, value });
const isSecretWire = (value: unknown) =>
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE;

interface ConstructResponse {
    getUrn(): string;
    getState(): { toJavaScript(): Record<string, unknown> } | undefined;
}

interface SchemaProperty {
    description?: string;
    secret?: boolean;
}
interface Schema {
    name: string;
    resources: Record<
        string,
        {
            isComponent?: boolean;
            description?: string;
            inputProperties?: Record<string, SchemaProperty>;
            properties?: Record<string, SchemaProperty>;
        }
    >;
    types: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

/** Asks the package, started as Pulumi starts a source-based component package, for its schema. */
async function servedSchema(): Promise<Schema> {
    const request = new providerProto.GetSchemaRequest();
    request.setVersion(0);
    const response = await call<{ getSchema(): string }>(plugin.host, "getSchema", request);
    return JSON.parse(response.getSchema());
}

interface Declared {
    inputs: Record<string, string>;
    outputs: Record<string, string>;
    description: string;
}

/** Every component the entry exports, with its args and outputs and their JSDoc, read by the TypeScript compiler. */
function declaredComponents(): Record<string, Declared> {
    const entry = path.join(ROOT, "index.ts");
    const program = ts.createProgram([entry], {
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
    });
    const checker = program.getTypeChecker();
    const doc = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
    const components: Record<string, Declared> = {};
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const declaration = symbol.valueDeclaration;
        if (
            !declaration ||
            !ts.isClassDeclaration(declaration) ||
            !declaration.heritageClauses?.some((h) => h.getText().includes("pulumi.ComponentResource"))
        ) {
            continue;
        }
        const constructor = declaration.members.find(ts.isConstructorDeclaration)!;
        const argsType = checker.getTypeAtLocation(constructor.parameters.find((p) => p.name.getText() === "args")!);
        const inputs = Object.fromEntries(checker.getPropertiesOfType(argsType).map((p) => [p.name, doc(p)]));
        const outputs = Object.fromEntries(
            declaration.members
                .filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m))
                .map((m) => [m.name.getText(), doc(checker.getSymbolAtLocation(m.name)!)]),
        );
        components[symbol.name] = { inputs, outputs, description: doc(symbol) };
    }
    return components;
}

const squash = (text?: string) => (text ?? "").replace(/\s+/g, " ").trim();

describe("the package as a plugin for other languages (cmd/run-plugin)", function () {
    this.timeout(120000);
    before(async () => {
        plugin = startPluginWithEngine();
        await plugin.started;
    });
    after(() => plugin?.stop());

    describe("components from other languages (inferred schema)", function () {
        this.timeout(90000);
        let schema: Schema;
        let declared: Record<string, Declared>;
        before(async () => {
            [schema, declared] = await Promise.all([servedSchema(), Promise.resolve().then(declaredComponents)]);
        });

        it("finds the five components in the sources", () => {
            assert.deepStrictEqual(Object.keys(declared).sort(), [
                "InTransitCertificate",
                "Kerberos",
                "KmsKey",
                "SecureEmrBaseline",
                "SecurityConfiguration",
            ]);
        });

        it("publishes every exported component under emr-security:index:<Name>, described", () => {
            assert.strictEqual(schema.name, "emr-security");
            assert.deepStrictEqual(
                Object.keys(schema.resources).sort(),
                Object.keys(declared)
                    .map((n) => `emr-security:index:${n}`)
                    .sort(),
            );
            for (const [name, component] of Object.entries(declared)) {
                assert.strictEqual(squash(schema.resources[`emr-security:index:${name}`].description), component.description, name);
            }
        });

        it("publishes every argument and output of every component, with its JSDoc as description", () => {
            for (const [name, component] of Object.entries(declared)) {
                const resource = schema.resources[`emr-security:index:${name}`];
                for (const [kind, mine, theirs] of [
                    ["argument", component.inputs, resource.inputProperties ?? {}],
                    ["output", component.outputs, resource.properties ?? {}],
                ] as const) {
                    assert.deepStrictEqual(Object.keys(theirs).sort(), Object.keys(mine).sort(), `${name} ${kind}s`);
                    for (const [property, description] of Object.entries(mine)) {
                        assert.ok(description, `${name}.${property} has no JSDoc`);
                        assert.strictEqual(squash(theirs[property].description), description, `${name}.${property}`);
                    }
                }
            }
        });

        it("describes every property of every nested argument type", () => {
            const undocumented = Object.entries(schema.types).flatMap(([type, t]) =>
                Object.entries(t.properties ?? {})
                    .filter(([, p]) => !p.description)
                    .map(([p]) => `${type}.${p}`),
            );
            assert.deepStrictEqual(undocumented, []);
            assert.ok(schema.types["emr-security:index:S3EncryptionConfiguration"], "nested argument types are published");
        });

        it("names nested types so that no generated SDK gets an ...ArgsArgs type or renames a clash", () => {
            // Python, .NET and Go add "Args" to every input type; Go names a component's arguments
            // <Component>Args. A nested type named either way collides or doubles the suffix.
            const componentArgs = new Set(Object.keys(declared).map((name) => `${name}Args`));
            const badly = Object.keys(schema.types)
                .map((token) => token.split(":")[2])
                .filter((name) => name.endsWith("Args") || componentArgs.has(name) || componentArgs.has(`${name}Args`));
            assert.deepStrictEqual(badly, []);
            assert.ok(schema.types["emr-security:index:KerberosSettings"], "the baseline's kerberos argument has its own type");
        });

        it("marks secret the arguments, outputs and nested properties that hold passwords and private keys, and nothing else", () => {
            const marked = [
                ...Object.entries(schema.resources).flatMap(([token, resource]) => [
                    ...Object.entries(resource.inputProperties ?? {}).map(([p, v]) => [`${token.split(":")[2]} argument ${p}`, v] as const),
                    ...Object.entries(resource.properties ?? {}).map(([p, v]) => [`${token.split(":")[2]} output ${p}`, v] as const),
                ]),
                ...Object.entries(schema.types).flatMap(([token, type]) =>
                    Object.entries(type.properties ?? {}).map(([p, v]) => [`${token.split(":")[2]} ${p}`, v] as const),
                ),
            ]
                .filter(([, property]) => property.secret === true)
                .map(([where]) => where)
                .sort();
            const expected = [
                ...Object.entries(SECRET_RESOURCE_PROPERTIES).flatMap(([component, { inputs, outputs }]) => [
                    ...inputs.map((p) => `${component} argument ${p}`),
                    ...outputs.map((p) => `${component} output ${p}`),
                ]),
                ...Object.entries(SECRET_TYPE_PROPERTIES).flatMap(([type, properties]) => properties.map((p) => `${type} ${p}`)),
            ].sort();
            assert.deepStrictEqual(marked, expected);
            assert.ok(marked.includes("SecureEmrBaseline output kerberosAttributes"));
        });
    });

    /**
     * What a Python or Go program's engine does with SecureEmrBaseline: it starts the package through
     * `cmd/run-plugin` and sends `Construct` over gRPC, with the resource monitor the children register to.
     */
    describe("components from other languages (Construct over gRPC)", function () {
        this.timeout(120000);
        async function construct(type: string, name: string, inputs: Record<string, unknown>): Promise<ConstructResponse> {
            const request = new providerProto.ConstructRequest();
            request.setProject("emr");
            request.setStack("dev");
            request.setDryrun(false);
            request.setParallel(1);
            request.setMonitorendpoint(plugin.monitor);
            request.setType(type);
            request.setName(name);
            request.setInputs(Struct.fromJavaScript(inputs));
            return call<ConstructResponse>(plugin.host, "construct", request);
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
            assert.strictEqual(response.getUrn(), "urn:pulumi:dev::emr::emr-security:index:SecureEmrBaseline::emr", plugin.host.stderr());

            const all = await plugin.registered();
            const children = all.filter((r) => r.parent === response.getUrn()).map((r) => `${r.type} ${r.name}`);
            assert.deepStrictEqual(children.sort(), [
                "emr-security:index:InTransitCertificate emr-cert",
                "emr-security:index:Kerberos emr-kerberos",
                "emr-security:index:KmsKey emr-disk-key",
                "emr-security:index:KmsKey emr-s3-key",
                "emr-security:index:SecurityConfiguration emr-config",
            ]);
            const configuration = all.find((r) => r.type === "aws:emr/securityConfiguration:SecurityConfiguration");
            const document = JSON.parse(configuration!.inputs.configuration);
            assert.strictEqual(document.AuthenticationConfiguration.KerberosConfiguration.Provider, "ClusterDedicatedKdc");
            assert.strictEqual(document.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion, 2);

            // The policy names a secret, so it is secret itself.
            const policy = all.find((r) => r.name === "emr-s3-key" && r.custom)!.inputs.policy;
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
});
