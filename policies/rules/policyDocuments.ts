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

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Whether an IAM action pattern (`kms:*`, `kms:GenerateDataKey*`, `*`) covers an action. */
export function actionCovers(pattern: unknown, action: string): boolean {
    if (typeof pattern !== "string") {
        return false;
    }
    const regex = new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
    return regex.test(action);
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
    const granted = statementsOf(policy).filter((s) => s.Effect === "Allow" && awsPrincipals(s).includes(principal));
    return actions.every((action) => granted.some((s) => asList(s.Action).some((pattern) => actionCovers(pattern, action))));
}
