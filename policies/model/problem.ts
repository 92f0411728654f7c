/**
 * The stable codes of problems, each meaning "EMR refuses this, or the cluster cannot work". Users and
 * the pack filter on them; messages may be reworded, codes are part of the semver promise.
 */
export const PROBLEM_CODES = {
    "not-json": "the text is not JSON",
    "not-an-object": "the document is not a JSON object",
    "empty-document": "the document sets none of the top-level sections",
    "unknown-key": "a key EMR does not know (keys are case-sensitive)",
    "duplicate-key": "a key written twice in the same object of the JSON text",
    "wrong-type": "a value of the wrong JSON type (strings for booleans included)",
    "value-not-allowed": "a value outside EMR's enumeration for the field",
    "out-of-range": "a number outside the range EMR accepts",
    "too-few-items": "a list with fewer items than EMR needs",
    "bad-format": "a string of the wrong form (S3 location, ARN, host, class name, ...)",
    "kms-key-not-a-key": "a KMS key ARN whose key id cannot name a key",
    "missing-required": "a key that is required, always or given another field",
    "not-allowed-here": "a key that the mode or provider in force does not take",
    "flag-without-section": "an enable flag true with nothing to enable",
    "empty-section": "a section with none of the settings it must hold",
    "duplicate-override": "two per-bucket overrides for the same bucket",
    "same-provider-class": "the same custom provider class for S3 and local disk",
    "key-region-mismatch": "KMS keys of one document in different Regions",
    "needs-in-transit-encryption": "a feature that needs in-transit encryption with a certificate",
    "needs-kerberos": "a feature that needs Kerberos authentication",
    "release-too-old": "a feature the given EMR release lacks",
    "bad-release-label": "a release label that is not of the form emr-x.y.z",
    "conflicting-arguments": "arguments that exclude each other, or one that applies only with another",
    "duplicate-item": "the same item twice in a list that takes each once (a zone path, a property)",
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * One thing wrong: with a security-configuration document, a component's arguments, or a helper's
 * input. The one shape every check in the package returns.
 *
 * `path` says where: for a document, a JSON pointer (RFC 6901) to the offending value or to where a
 * missing key belongs (`""` is the document itself); for arguments, the argument's path
 * (`kerberos.crossRealmTrust.realm`, `zones[2].keyName`). `code` says what kind of problem it is,
 * in words that do not change; `message` is a sentence that names the field.
 */
export interface Problem {
    path: string;
    code: ProblemCode;
    message: string;
}

/** Joins path segments into a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(segments: readonly (string | number)[]): string {
    return segments.map((s) => "/" + bounded(String(s)).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** A key longer than any EMR key, cut for a path: hostile input must not make a path megabytes long. */
const MAX_SEGMENT = 256;

function bounded(segment: string): string {
    return segment.length > MAX_SEGMENT ? `${segment.slice(0, 64)}…(${segment.length} characters)` : segment;
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

/** The longest part of any value a message shows: hostile input must not flood a message. */
const SHOWN_LENGTH = 80;

/** Code points that make a key or value look like another: invisible, spacing and non-ASCII letters. */
const ODD = /[^\x20-\x7e]/gu;

/**
 * A string as a message shows it: quoted, cut to `SHOWN_LENGTH`, and followed by the code points
 * that are not plain ASCII, so that a look-alike (a Cyrillic letter, a zero-width or no-break space)
 * does not read as the name it imitates.
 */
export function quote(value: string): string {
    const shown = value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH - 3)}...` : value;
    const odd = [...new Set(value.match(ODD) ?? [])].slice(0, 5);
    const names = odd.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
    const more = value.length > SHOWN_LENGTH ? ` (${value.length} characters)` : "";
    return `${JSON.stringify(shown)}${more}${names.length > 0 ? ` (contains ${names.join(", ")})` : ""}`;
}

/**
 * Items joined for a message, at most `max` of them and a count of the rest: a stack can repeat a
 * value as often as it likes, and a message must stay readable.
 */
export function listed(items: readonly string[], separator: string, max = 5): string {
    const rest = items.length - max;
    return rest > 0 ? `${items.slice(0, max).join(separator)}${separator}${rest} more` : items.join(separator);
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
        case "string":
            return `the string ${quote(value)}`;
        case "number":
            return Number.isFinite(value) ? `the number ${value}` : `the non-finite number ${value}`;
        case "boolean":
            return `the boolean ${value}`;
        case "object":
            return "an object";
        default:
            return typeof value;
    }
}

/**
 * A value as a message shows it: strings quoted and cut (odd code points named), numbers as they
 * are (`NaN` and `Infinity` too, which JSON would print as null), `unset` for undefined, anything
 * else described.
 */
export function shown(value: unknown): string {
    if (typeof value === "string") {
        return quote(value);
    }
    if (value === undefined) {
        return "unset";
    }
    return typeof value === "number" ? String(value) : describe(value);
}

/** `"a", "b" or "c"`: the allowed values of a field, quoted as they must be written. */
export function listOf(values: readonly (string | number)[]): string {
    const quoted = values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
    return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}
