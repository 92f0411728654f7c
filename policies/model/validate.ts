import { at, has, isObject, JsonObject } from "./access";
import { checkCrossFieldRules } from "./crossField";
import { duplicateKeys } from "./duplicateKeys";
import { describe, pointer, Problem } from "./problem";
import { parseReleaseLabel, RELEASE_GATES } from "./release";
import { DOCUMENT } from "./schema";
import { walk } from "./walk";

export interface ValidateOptions {
    /** The cluster's EMR release, e.g. `emr-6.15.0`: also report features that release lacks. */
    releaseLabel?: string;
}

/**
 * Parses a document given as JSON text or as an already parsed value. Returns the document, or the
 * problem that stops it from being one. A document parsed from text is frozen: every rule that reads
 * the same text shares it, so no caller can change what the next one sees.
 */
export function parseSecurityConfiguration(input: unknown): ParsedDocument {
    if (typeof input === "string") {
        // Every document rule reads the same resource in turn: parse its text once, not once per rule.
        if (input !== lastText) {
            lastText = input;
            lastParsed = parseText(input);
        }
        return lastParsed;
    }
    return asDocument(input);
}

let lastText: string | undefined;
let lastParsed: ParsedDocument = {};

export interface ParsedDocument {
    document?: JsonObject;
    problem?: Problem;
    /** Keys the text writes twice in one object: the document holds the last value of each. */
    duplicates?: Problem[];
}

function parseText(text: string): ParsedDocument {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (e) {
        const bom = text.charCodeAt(0) === 0xfeff ? " (the text starts with a byte-order mark, U+FEFF: remove it)" : "";
        return {
            problem: { path: "", code: "not-json", message: `The security configuration is not valid JSON${bom}: ${(e as Error).message}` },
        };
    }
    const keys = deepFreeze(value);
    const parsed = asDocument(value);
    if (!parsed.document) {
        return parsed;
    }
    // Every `"...":` in JSON text is a key (a string value is never followed by a colon): when the
    // text writes as many keys as the parsed tree holds, none was written twice, and the slower
    // scan that locates duplicates is not needed.
    const written = keysWritten(text);
    return written === keys ? parsed : { ...parsed, duplicates: duplicateKeys(text) };
}

/**
 * How many keys a JSON text writes: every string token followed by a colon. A scan, not a regular
 * expression: V8's backtracking over a 10 MB string value overflowed the stack.
 */
function keysWritten(text: string): number {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] !== '"') {
            continue;
        }
        i++;
        while (i < text.length && text[i] !== '"') {
            i += text[i] === "\\" ? 2 : 1;
        }
        let next = i + 1;
        while (next < text.length && (text[next] === " " || text[next] === "\t" || text[next] === "\n" || text[next] === "\r")) {
            next++;
        }
        if (text[next] === ":") {
            count++;
        }
    }
    return count;
}

function asDocument(value: unknown): ParsedDocument {
    // A Promise or a Pulumi Output is a value still to come, not an empty document.
    const pending = typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
    const output = typeof value === "object" && value !== null && (value as { __pulumiOutput?: unknown }).__pulumiOutput === true;
    if (pending || output) {
        return {
            problem: {
                path: "",
                code: "not-an-object",
                message: `The security configuration is ${output ? "a Pulumi Output" : "a Promise"}, not a document: resolve it first (${output ? "validate inside apply()" : "await it"})`,
            },
        };
    }
    if (!isObject(value)) {
        return {
            problem: {
                path: "",
                code: "not-an-object",
                message: `The security configuration must be a JSON object; got ${describe(value)}`,
            },
        };
    }
    return { document: value };
}

/**
 * Checks an EMR security-configuration document against everything EMR documents about it: keys
 * and their case, types, allowed values, formats, the cross-field rules and, given a release label,
 * the features that release supports. Returns `[]` exactly when the document is valid.
 */
export function validateSecurityConfiguration(input: unknown, options?: ValidateOptions | null): Problem[] {
    const { document, problem, duplicates } = parseSecurityConfiguration(input);
    if (!document) {
        return [problem!];
    }
    const problems: Problem[] = [...(duplicates ?? [])];
    walk(DOCUMENT, document, [], DOCUMENT.name, problems);
    checkCrossFieldRules(document, problems);
    const releaseLabel: unknown = options?.releaseLabel;
    if (releaseLabel !== undefined) {
        checkRelease(document, releaseLabel, problems);
    }
    return problems;
}

function checkRelease(document: JsonObject, label: unknown, problems: Problem[]): void {
    const release = typeof label === "string" ? parseReleaseLabel(label) : undefined;
    if (!release) {
        problems.push({
            path: "",
            code: "bad-release-label",
            message: `releaseLabel must be a string like "emr-6.15.0"; got ${describe(label)}`,
        });
        return;
    }
    for (const gate of RELEASE_GATES) {
        const parent = gate.keys.length === 0 ? undefined : at(document, ...gate.keys.slice(0, -1));
        const present = gate.keys.length === 0 || has(parent, gate.keys[gate.keys.length - 1]);
        if (!present || (gate.when && !gate.when(at(document, ...gate.keys))) || gate.supported(release)) {
            continue;
        }
        problems.push({
            path: pointer(gate.keys),
            code: "release-too-old",
            message: `${gate.feature} needs EMR ${gate.releases}; ${label} does not support it`,
        });
    }
}

/**
 * Freezes a parsed JSON tree (no cycles: it came from JSON.parse), iteratively, so depth cannot
 * overflow the stack. Returns how many object keys the tree holds.
 */
function deepFreeze(root: unknown): number {
    let keys = 0;
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
            Object.freeze(value);
            if (!Array.isArray(value)) {
                keys += Object.keys(value).length;
            }
            for (const child of Object.values(value)) {
                stack.push(child);
            }
        }
    }
    return keys;
}
