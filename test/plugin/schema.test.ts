import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";
import { SECRET_RESOURCE_PROPERTIES, SECRET_TYPE_PROPERTIES } from "../../plugin/secretProperties";
import { call, providerProto, ROOT, startPluginHost } from "./pluginHost";

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

/** Starts the package as Pulumi does for a source-based component package, and asks for its schema. */
async function inferredSchema(): Promise<Schema> {
    const host = await startPluginHost();
    try {
        const request = new providerProto.GetSchemaRequest();
        request.setVersion(0);
        const response = await call<{ getSchema(): string }>(host, "getSchema", request);
        return JSON.parse(response.getSchema());
    } finally {
        host.stop();
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
