/** Checks a value against the schema: keys, types, allowed values and formats. */
import { isObject } from "./access";
import { FORMATS } from "./formats";
import { describe, listOf, pointer, Problem, quote } from "./problem";
import { Field, ObjectNode, SchemaNode } from "./schema";

type Path = (string | number)[];

/** The largest 32-bit integer: what a Java int holds. */
const MAX_INT = 2147483647;

export function walk(node: SchemaNode, value: unknown, path: Path, name: string, problems: Problem[]): void {
    const at = pointer(path);
    switch (node.kind) {
        case "object":
            if (!isObject(value)) {
                problems.push({ path: at, code: "wrong-type", message: `${name} must be a JSON object; got ${describe(value)}` });
                return;
            }
            walkObject(node, value, path, problems);
            return;
        case "array":
            if (!Array.isArray(value)) {
                problems.push({ path: at, code: "wrong-type", message: `${name} must be a JSON array; got ${describe(value)}` });
                return;
            }
            if (node.minItems !== undefined && value.length < node.minItems) {
                problems.push({
                    path: at,
                    code: "too-few-items",
                    message: `${name} must list at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}`,
                });
            }
            // An index loop, not forEach: a sparse array's holes are read as undefined, not skipped.
            for (let i = 0; i < value.length; i++) {
                walk(node.items, value[i], [...path, i], `${name}[${i}]`, problems);
            }
            return;
        case "boolean":
            if (typeof value !== "boolean") {
                problems.push({
                    path: at,
                    code: "wrong-type",
                    message: `${name} must be a JSON boolean (true or false); got ${describe(value)}`,
                });
            }
            return;
        case "integer":
            if (typeof value !== "number" || !Number.isInteger(value)) {
                problems.push({ path: at, code: "wrong-type", message: `${name} must be a JSON integer; got ${describe(value)}` });
            } else if (node.values && !node.values.includes(value)) {
                problems.push({ path: at, code: "value-not-allowed", message: `${name} must be ${listOf(node.values)}; got ${value}` });
            } else if ((node.min !== undefined && value < node.min) || value > (node.max ?? MAX_INT)) {
                // Without a documented maximum, EMR still reads the number as a 32-bit Java integer.
                const range = `from ${node.min ?? -MAX_INT - 1} to ${node.max ?? MAX_INT}`;
                problems.push({ path: at, code: "out-of-range", message: `${name} must be ${range}; got ${value}` });
            }
            return;
        case "string":
            if (typeof value !== "string") {
                problems.push({ path: at, code: "wrong-type", message: `${name} must be a JSON string; got ${describe(value)}` });
            } else if (node.values && !node.values.includes(value)) {
                const near = node.values.find((v) => v.toLowerCase() === value.toLowerCase());
                const hint = near ? ` (values are case-sensitive: did you mean ${JSON.stringify(near)}?)` : "";
                problems.push({
                    path: at,
                    code: "value-not-allowed",
                    message: `${name} must be ${listOf(node.values)}; got ${quote(value)}${hint}`,
                });
            } else if (node.format) {
                const wrong = FORMATS[node.format](value);
                if (wrong) {
                    problems.push({ path: at, code: wrong.code, message: `${name} ${wrong.message}; got ${describe(value)}` });
                }
            }
            return;
    }
}

function walkObject(node: ObjectNode, value: Record<string, unknown>, path: Path, problems: Problem[]): void {
    const byKey = new Map<string, Field>(node.fields.map((f) => [f.key, f]));
    for (const key of Object.keys(value)) {
        const field = byKey.get(key);
        if (field) {
            walk(field.node, value[key], [...path, key], key, problems);
        } else {
            problems.push({ path: pointer([...path, key]), code: "unknown-key", message: unknownKeyMessage(node, key) });
        }
    }
    for (const field of node.fields) {
        if (field.required && !Object.prototype.hasOwnProperty.call(value, field.key)) {
            problems.push({
                path: pointer([...path, field.key]),
                code: "missing-required",
                message: `${field.key} is required in ${node.name}`,
            });
        }
    }
}

function unknownKeyMessage(node: ObjectNode, key: string): string {
    const settable = node.fields.map((f) => f.key);
    const near = settable.find((k) => k.toLowerCase() === key.toLowerCase());
    const hint = near ? ` Keys are case-sensitive: did you mean ${JSON.stringify(near)}?` : "";
    return `${quote(key)} is not a key of ${node.name}; EMR rejects unknown keys.${hint} Allowed keys: ${settable.join(", ")}`;
}
