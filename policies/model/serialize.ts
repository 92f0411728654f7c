import { isObject } from "./access";
import { DOCUMENT, SchemaNode } from "./schema";

/**
 * Writes a document as compact JSON with keys in the schema's order, whatever order they were
 * given in, so the same document always gives the same string (and the same name hash).
 * Keys the schema does not know follow the known ones, in their original order.
 */
export function serializeSecurityConfiguration(document: unknown): string {
    return JSON.stringify(ordered(DOCUMENT, document));
}

function ordered(node: SchemaNode | undefined, value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => ordered(node?.kind === "array" ? node.items : undefined, item));
    }
    if (!isObject(value)) {
        return value;
    }
    const fields = node?.kind === "object" ? node.fields : [];
    const out: Record<string, unknown> = {};
    for (const field of fields) {
        if (Object.prototype.hasOwnProperty.call(value, field.key) && value[field.key] !== undefined) {
            out[field.key] = ordered(field.node, value[field.key]);
        }
    }
    for (const [key, child] of Object.entries(value)) {
        if (!Object.prototype.hasOwnProperty.call(out, key) && child !== undefined) {
            // defineProperty, not assignment: a "__proto__" key must stay a plain key.
            Object.defineProperty(out, key, { value: ordered(undefined, child), enumerable: true, writable: true, configurable: true });
        }
    }
    return out;
}
