import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "../..");

interface SchemaProperty {
    description?: string;
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

/* eslint-disable @typescript-eslint/no-require-imports */
/** Starts the package as Pulumi does for a source-based component package, and asks for its schema. */
async function inferredSchema(): Promise<Schema> {
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc: typeof import("@grpc/grpc-js") = require("@grpc/grpc-js");
    const proto = require(path.join(sdk, "proto/provider_pb"));
    const services = require(path.join(sdk, "proto/provider_grpc_pb"));
    const child = spawn(process.execPath, [path.join(sdk, "cmd/run-plugin"), ROOT], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    try {
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            child.stdout.on("data", (d) => {
                out += d;
                if (out.includes("\n")) {
                    resolve(out.split("\n")[0].trim());
                }
            });
            child.on("exit", (code) => reject(new Error(`run-plugin exited with ${code}:\n${stderr}`)));
        });
        const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const request = new proto.GetSchemaRequest();
        request.setVersion(0);
        const response = await new Promise<{ getSchema(): string }>((resolve, reject) =>
            client.getSchema(request, (e: Error | null, r: { getSchema(): string }) => (e ? reject(e) : resolve(r))),
        );
        client.close();
        return JSON.parse(response.getSchema());
    } finally {
        child.kill();
    }
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

describe("components from other languages (inferred schema)", function () {
    this.timeout(90000);
    let schema: Schema;
    let declared: Record<string, Declared>;
    before(async () => {
        [schema, declared] = await Promise.all([inferredSchema(), Promise.resolve().then(declaredComponents)]);
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
        assert.ok(schema.types["emr-security:index:S3EncryptionConfigurationArgs"], "nested argument types are published");
    });
});
