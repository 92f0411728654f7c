/** Small readers for documents that have not been validated yet: they never throw on bad shapes. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `keys` below `root`, or `undefined` when any step is missing or not an object. */
export function at(root: unknown, ...keys: string[]): unknown {
    let value = root;
    for (const key of keys) {
        if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) {
            return undefined;
        }
        value = value[key];
    }
    return value;
}

export function stringAt(root: unknown, ...keys: string[]): string | undefined {
    const value = at(root, ...keys);
    return typeof value === "string" ? value : undefined;
}

export function objectAt(root: unknown, ...keys: string[]): JsonObject | undefined {
    const value = at(root, ...keys);
    return isObject(value) ? value : undefined;
}

export function has(root: unknown, key: string): boolean {
    return isObject(root) && Object.prototype.hasOwnProperty.call(root, key);
}
