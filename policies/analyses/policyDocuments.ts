/** Reading IAM policy documents (key and bucket policies) given as JSON text or objects. */
import { isObject, JsonObject } from "../model";

export function parsePolicy(raw: unknown): JsonObject | undefined {
    let value = raw;
    if (typeof raw === "string") {
        try {
            value = JSON.parse(raw);
        } catch {
            return undefined;
        }
    }
    return isObject(value) ? value : undefined;
}

export function statementsOf(policy: JsonObject): JsonObject[] {
    const statements = policy.Statement;
    return (Array.isArray(statements) ? statements : [statements]).filter(isObject);
}

export function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * Whether an IAM pattern (`*` any run of characters, `?` any one) matches a value. Iterative, with
 * one backtrack point: time is bounded by the product of the lengths, whatever the pattern, where
 * a regular expression built from it could backtrack for minutes.
 */
export function globMatches(pattern: string, value: string, ignoreCase = false): boolean {
    const p = ignoreCase ? pattern.toLowerCase() : pattern;
    const v = ignoreCase ? value.toLowerCase() : value;
    let i = 0;
    let j = 0;
    let star = -1;
    let resume = 0;
    while (j < v.length) {
        if (i < p.length && (p[i] === "?" || p[i] === v[j])) {
            i++;
            j++;
        } else if (i < p.length && p[i] === "*") {
            star = i++;
            resume = j;
        } else if (star >= 0) {
            i = star + 1;
            j = ++resume;
        } else {
            return false;
        }
    }
    while (i < p.length && p[i] === "*") {
        i++;
    }
    return i === p.length;
}

/** Whether an IAM action pattern (`kms:*`, `kms:GenerateDataKey*`, `*`) covers an action; actions are case-insensitive. */
export function actionCovers(pattern: unknown, action: string): boolean {
    return typeof pattern === "string" && globMatches(pattern, action, true);
}

/** The AWS principals an Allow statement names. */
export function awsPrincipals(statement: JsonObject): string[] {
    const principal = statement.Principal;
    if (typeof principal === "string") {
        return [principal];
    }
    return isObject(principal) ? asList(principal.AWS).filter((p): p is string => typeof p === "string") : [];
}

/** Whether some Allow statement grants `principal` every one of `actions`. */
export function allows(policy: JsonObject, principal: string, actions: readonly string[]): boolean {
    return grantsAll(policy, (s) => awsPrincipals(s).includes(principal), actions);
}

/** Whether some Allow statement grants the AWS service principal (`emr-serverless.amazonaws.com`) every one of `actions`. */
export function allowsService(policy: JsonObject, service: string, actions: readonly string[]): boolean {
    return grantsAll(policy, (s) => isObject(s.Principal) && asList(s.Principal.Service).includes(service), actions);
}

/** Whether the Allow statements naming a principal cover every one of `actions` between them. */
function grantsAll(policy: JsonObject, names: (statement: JsonObject) => boolean, actions: readonly string[]): boolean {
    const granted = statementsOf(policy).filter((s) => s.Effect === "Allow" && names(s));
    return actions.every((action) => granted.some((s) => asList(s.Action).some((pattern) => actionCovers(pattern, action))));
}
