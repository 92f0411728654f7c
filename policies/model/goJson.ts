/**
 * JSON read as the AWS provider reads a cluster's configurations: Go's `encoding/json` decoding
 * into the SDK's `Configuration` struct (`Classification *string`, `Configurations
 * []Configuration`, `Properties map[string]string`; aws-sdk-go-v2 service/emr/types, which carry no
 * json tags). `configurations_json` goes through `json.Unmarshal` (terraform-provider-aws
 * internal/service/emr, expandConfigurationJSON); an inline `configurations` string through a
 * `json.Decoder`'s first value, whose errors the provider only logs (expandConfigures,
 * readBodyJSON). What Go's decoder does, and this reader with it:
 * - a member name matches a field exactly or case-insensitively, with Unicode simple folding, so
 *   `CLASSIFICATION` and `propertieſ` (U+017F) are fields too (encoding/json, foldName);
 * - every member is decoded in order: a second `Classification` wins, and a second object for
 *   `Properties` (under any spelling) fills the same map, keeping the first's other entries;
 *   `null` empties the map; a second `Configurations` replaces the list;
 * - members that match no field (`ConfigurationProperties`, CloudFormation's name) are ignored;
 * - a `Properties` value must be a string (`null` stores ""), and `Classification` a string: any
 *   other type fails the whole decode, so the provider refuses the configurations.
 */

/** A JSON value with every object's members kept in order, duplicates included. */
export type Members = { members: [string, JsonValue][] };
export type JsonValue = string | number | boolean | null | JsonValue[] | Members;

/** Go's decoder refuses nesting deeper than this (encoding/json, maxNestingDepth). */
const MAX_NESTING = 10000;

export interface Parsed {
    value?: JsonValue;
    error?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function isWhitespace(c: string): boolean {
    return c === " " || c === "\t" || c === "\n" || c === "\r";
}

/**
 * Parses JSON text keeping duplicate members. With `firstValue`, text after the first value is
 * not read, as a `json.Decoder` reads it; otherwise it must be whitespace, as `json.Unmarshal`
 * requires. Iterative: no depth of input overflows the stack.
 */
export function parseKeepingMembers(text: string, firstValue = false): Parsed {
    let i = 0;
    const skip = () => {
        while (i < text.length && isWhitespace(text[i])) {
            i++;
        }
    };
    const fail = (what: string): Parsed => ({ error: `${what} at offset ${i}` });
    type Frame = { items: JsonValue[] } | { members: [string, JsonValue][]; key: string };
    const stack: Frame[] = [];
    const readString = (): string | undefined => {
        const start = i;
        i++;
        while (i < text.length && text[i] !== '"') {
            if (text.charCodeAt(i) < 0x20) {
                return undefined;
            }
            i += text[i] === "\\" ? 2 : 1;
        }
        if (i >= text.length) {
            return undefined;
        }
        i++;
        try {
            return JSON.parse(text.slice(start, i)) as string;
        } catch {
            return undefined;
        }
    };
    const readKey = (): string | undefined => {
        skip();
        if (text[i] !== '"') {
            return undefined;
        }
        const key = readString();
        skip();
        if (key === undefined || text[i] !== ":") {
            return undefined;
        }
        i++;
        return key;
    };
    for (;;) {
        skip();
        let value: JsonValue;
        const c = text[i];
        if (c === "[" || c === "{") {
            if (stack.length >= MAX_NESTING) {
                return fail("exceeded max depth");
            }
            i++;
            skip();
            if (text[i] === (c === "[" ? "]" : "}")) {
                i++;
                value = c === "[" ? [] : { members: [] };
            } else if (c === "[") {
                stack.push({ items: [] });
                continue;
            } else {
                const key = readKey();
                if (key === undefined) {
                    return fail("invalid object member");
                }
                stack.push({ members: [], key });
                continue;
            }
        } else if (c === '"') {
            const s = readString();
            if (s === undefined) {
                return fail("invalid string");
            }
            value = s;
        } else {
            NUMBER.lastIndex = i;
            LITERAL.lastIndex = i;
            const number = NUMBER.exec(text);
            const literal = number ? null : LITERAL.exec(text);
            if (number) {
                value = Number(number[0]);
                i += number[0].length;
            } else if (literal) {
                value = literal[0] === "null" ? null : literal[0] === "true";
                i += literal[0].length;
            } else {
                return fail(i >= text.length ? "unexpected end of JSON input" : `invalid character ${JSON.stringify(c)}`);
            }
        }
        // A value is complete: hand it to the open arrays and objects until one wants another.
        for (;;) {
            const top = stack[stack.length - 1];
            if (top === undefined) {
                skip();
                if (!firstValue && i < text.length) {
                    return fail(`invalid character ${JSON.stringify(text[i])} after top-level value`);
                }
                return { value };
            }
            skip();
            if ("items" in top) {
                top.items.push(value);
                if (text[i] === ",") {
                    i++;
                    break;
                }
                if (text[i] !== "]") {
                    return fail("expected , or ] in array");
                }
                i++;
                stack.pop();
                value = top.items;
            } else {
                top.members.push([top.key, value]);
                if (text[i] === ",") {
                    i++;
                    const key = readKey();
                    if (key === undefined) {
                        return fail("invalid object member");
                    }
                    top.key = key;
                    break;
                }
                if (text[i] !== "}") {
                    return fail("expected , or } in object");
                }
                i++;
                stack.pop();
                value = { members: top.members };
            }
        }
    }
}

export function isMembers(value: JsonValue | undefined): value is Members {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A member name as Go compares it with a field name: letters folded to one case, where Unicode's
 * simple folding takes two non-ASCII runes to ASCII letters (U+017F to s, U+212A to k).
 */
function folded(name: string): string {
    return name
        .replace(/\u017f/g, "s")
        .replace(/\u212a/g, "k")
        .toLowerCase();
}

const FIELDS = ["Classification", "Configurations", "Properties"] as const;
type Field = (typeof FIELDS)[number];
const FOLDED_FIELDS = new Map(FIELDS.map((f) => [folded(f), f]));

/** The struct field a member name decodes into, as Go matches it; undefined for none. */
export function fieldOf(name: string): Field | undefined {
    // Only ASCII letters and the two runes that fold to them can match these field names.
    return /^[A-Za-z\u017f\u212a]+$/.test(name) ? FOLDED_FIELDS.get(folded(name)) : undefined;
}

/** A `Configuration` as the provider sends it to EMR. */
export interface DecodedConfiguration {
    classification?: string;
    /** In the order Go's map received them; a later entry for a name replaced the earlier. */
    properties: Map<string, string>;
    configurations: DecodedConfiguration[];
}

const kind = (value: JsonValue): string =>
    value === null ? "null" : Array.isArray(value) ? "array" : isMembers(value) ? "object" : typeof value;

/**
 * Decodes a list of configurations as Go decodes it into `[]Configuration`. Returns the list and
 * the first type error, which makes the provider refuse the whole text; nesting is bounded by the
 * parse.
 */
export function decodeConfigurations(root: JsonValue): { configurations: DecodedConfiguration[]; error?: string } {
    let error: string | undefined;
    const typeError = (value: JsonValue, into: string) => {
        error ??= `json: cannot unmarshal ${kind(value)} into Go value of type ${into}`;
    };
    const out: DecodedConfiguration[] = [];
    if (root === null) {
        return { configurations: out };
    }
    if (!Array.isArray(root)) {
        typeError(root, "[]types.Configuration");
        return { configurations: out, error };
    }
    const work: { list: JsonValue[]; into: DecodedConfiguration[] }[] = [{ list: root, into: out }];
    while (work.length > 0) {
        const { list, into } = work.pop()!;
        for (const element of list) {
            const configuration: DecodedConfiguration = { properties: new Map(), configurations: [] };
            into.push(configuration);
            if (element === null) {
                continue;
            }
            if (!isMembers(element)) {
                typeError(element, "types.Configuration");
                continue;
            }
            for (const [name, value] of element.members) {
                const field = fieldOf(name);
                if (field === "Classification") {
                    if (typeof value === "string") {
                        configuration.classification = value;
                    } else if (value !== null) {
                        typeError(value, "string");
                    }
                } else if (field === "Properties") {
                    if (value === null) {
                        configuration.properties = new Map();
                    } else if (!isMembers(value)) {
                        typeError(value, "map[string]string");
                    } else {
                        for (const [property, text] of value.members) {
                            if (typeof text === "string" || text === null) {
                                configuration.properties.set(property, text ?? "");
                            } else {
                                typeError(text, "string");
                            }
                        }
                    }
                } else if (field === "Configurations") {
                    configuration.configurations = [];
                    if (Array.isArray(value)) {
                        work.push({ list: value, into: configuration.configurations });
                    } else if (value !== null) {
                        typeError(value, "[]types.Configuration");
                    }
                }
            }
        }
    }
    return { configurations: out, error };
}
