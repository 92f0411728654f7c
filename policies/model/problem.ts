/**
 * One thing wrong with a security-configuration document.
 *
 * `path` is a JSON pointer (RFC 6901) to the offending value, or to where a missing key belongs;
 * `""` is the document itself.
 */
export interface Problem {
    path: string;
    message: string;
}

/** Joins path segments into a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(segments: readonly (string | number)[]): string {
    return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Splits a JSON pointer back into its segments. */
export function segmentsOf(path: string): string[] {
    if (path === "") {
        return [];
    }
    return path
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Describes a value for a message without letting a long or hostile value flood it. Documents carry
 * no secrets (passwords live on the cluster, not here), so short values are shown as they are.
 */
export function describe(value: unknown): string {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "an array";
    }
    switch (typeof value) {
        case "string": {
            const shown = value.length > 80 ? value.slice(0, 77) + "..." : value;
            return `the string ${JSON.stringify(shown)}`;
        }
        case "number":
            return `the number ${value}`;
        case "boolean":
            return `the boolean ${value}`;
        case "object":
            return "an object";
        default:
            return typeof value;
    }
}

/** `"a", "b" or "c"`: the allowed values of a field, quoted as they must be written. */
export function listOf(values: readonly (string | number)[]): string {
    const quoted = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
    return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
