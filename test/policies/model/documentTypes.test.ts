/**
 * The document is defined once, in the schema: the TypeScript types of the document (PascalCase)
 * and of the builder's arguments (camelCase) are held to it key for key, read by the compiler.
 */
import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";
import { DOCUMENT, Field, SchemaNode } from "../../../policies/model";

const ROOT = path.join(__dirname, "../../..");
const DOCUMENT_FILE = path.join(ROOT, "policies/model/document.ts");
const ARGS_FILE = path.join(ROOT, "components/securityConfigurationArgs.ts");

const program = ts.createProgram([DOCUMENT_FILE, ARGS_FILE], { strict: true, skipLibCheck: true, noEmit: true });
const checker = program.getTypeChecker();

function exported(file: string, name: string): ts.Type {
    const source = program.getSourceFile(file)!;
    const symbol = checker.getSymbolAtLocation(source)!.exports!.get(ts.escapeLeadingUnderscores(name))!;
    return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The object or array type inside `T | undefined`, `pulumi.Input<T>` and the like. */
function inner(type: ts.Type): ts.Type[] {
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((t) => {
        const name = t.getSymbol()?.getName() ?? t.aliasSymbol?.getName();
        return (
            !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) &&
            name !== "Promise" &&
            name !== "OutputInstance" &&
            name !== "Output"
        );
    });
}

function compare(
    node: SchemaNode,
    type: ts.Type,
    at: string,
    keyOf: (f: Field) => string | undefined,
    optionality: boolean,
    out: string[],
): void {
    if (node.kind === "array") {
        const array = inner(type).find((t) => checker.isArrayType(t));
        if (!array) {
            out.push(`${at}: not an array type`);
            return;
        }
        compare(node.items, checker.getTypeArguments(array as ts.TypeReference)[0], `${at}[]`, keyOf, optionality, out);
        return;
    }
    if (node.kind !== "object") {
        return;
    }
    const object = inner(type).find((t) => checker.getPropertiesOfType(t).length > 0);
    if (!object) {
        out.push(`${at}: not an object type`);
        return;
    }
    const properties = new Map(checker.getPropertiesOfType(object).map((p) => [p.getName(), p]));
    const fields = node.fields.filter((f) => keyOf(f) !== undefined);
    for (const field of fields) {
        const name = keyOf(field)!;
        const property = properties.get(name);
        if (!property) {
            out.push(`${at}.${name}: in the schema, not in the type`);
            continue;
        }
        const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
        if (optionality && optional === Boolean(field.required)) {
            out.push(
                `${at}.${name}: ${field.required ? "required" : "optional"} in the schema, ${optional ? "optional" : "required"} in the type`,
            );
        }
        compare(field.node, checker.getTypeOfSymbol(property), `${at}.${name}`, keyOf, optionality, out);
    }
    for (const name of properties.keys()) {
        if (!fields.some((f) => keyOf(f) === name)) {
            out.push(`${at}.${name}: in the type, not in the schema`);
        }
    }
}

describe("the document's types follow the schema", function () {
    this.timeout(30000);

    it("SecurityConfigurationDocument has every key of the schema, no other, and the same optionality", () => {
        const out: string[] = [];
        compare(DOCUMENT, exported(DOCUMENT_FILE, "SecurityConfigurationDocument"), "document", (f) => f.key, true, out);
        assert.deepStrictEqual(out, []);
    });

    it("SecurityConfigurationSections has an argument for every settable key, and no other", () => {
        const out: string[] = [];
        compare(DOCUMENT, exported(ARGS_FILE, "SecurityConfigurationSections"), "args", (f) => f.arg, false, out);
        assert.deepStrictEqual(out, []);
    });
});
