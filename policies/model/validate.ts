import { at, has, isObject, JsonObject } from "./access";
import { checkCrossFieldRules } from "./crossField";
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
 * problem that stops it from being one.
 */
export function parseSecurityConfiguration(input: unknown): { document?: JsonObject; problem?: Problem } {
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
let lastParsed: { document?: JsonObject; problem?: Problem } = {};

function parseText(text: string): { document?: JsonObject; problem?: Problem } {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (e) {
        return { problem: { path: "", message: `The security configuration is not valid JSON: ${(e as Error).message}` } };
    }
    return asDocument(value);
}

function asDocument(value: unknown): { document?: JsonObject; problem?: Problem } {
    if (!isObject(value)) {
        return { problem: { path: "", message: `The security configuration must be a JSON object; got ${describe(value)}` } };
    }
    return { document: value };
}

/**
 * Checks an EMR security-configuration document against everything EMR documents about it: keys
 * and their case, types, allowed values, formats, the cross-field rules and, given a release label,
 * the features that release supports. Returns `[]` exactly when the document is valid.
 */
export function validateSecurityConfiguration(input: unknown, options: ValidateOptions = {}): Problem[] {
    const { document, problem } = parseSecurityConfiguration(input);
    if (!document) {
        return [problem!];
    }
    const problems: Problem[] = [];
    walk(DOCUMENT, document, [], DOCUMENT.name, problems);
    checkCrossFieldRules(document, problems);
    if (options.releaseLabel !== undefined) {
        checkRelease(document, options.releaseLabel, problems);
    }
    return problems;
}

function checkRelease(document: JsonObject, label: string, problems: Problem[]): void {
    const release = parseReleaseLabel(label);
    if (!release) {
        problems.push({ path: "", message: `releaseLabel must look like "emr-6.15.0"; got ${JSON.stringify(label)}` });
        return;
    }
    for (const gate of RELEASE_GATES) {
        const parent = gate.keys.length === 0 ? undefined : at(document, ...gate.keys.slice(0, -1));
        const present = gate.keys.length === 0 || has(parent, gate.keys[gate.keys.length - 1]);
        if (!present || (gate.when && !gate.when(at(document, ...gate.keys))) || gate.supported(release)) {
            continue;
        }
        problems.push({ path: pointer(gate.keys), message: `${gate.feature} needs EMR ${gate.releases}; ${label} does not support it` });
    }
}
