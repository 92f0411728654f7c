/**
 * Scalars as the Pulumi AWS provider converts them before the AWS API sees them: the Terraform
 * bridge coerces a string given for a boolean or integer field with Go's strconv (ParseBool:
 * 1, t, T, TRUE, true, True and their false forms; Atoi: an optional sign and digits, nothing
 * else), and refuses the value otherwise. A rule reads a field the way it arrives.
 */

const TRUE_WORDS = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE_WORDS = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** The boolean the provider sends; undefined when the value is not one it converts. */
export function providerBoolean(value: unknown): boolean | undefined {
    if (typeof value === "boolean") {
        return value;
    }
    if (typeof value === "string") {
        return TRUE_WORDS.has(value) ? true : FALSE_WORDS.has(value) ? false : undefined;
    }
    return undefined;
}

/** The integer the provider sends; undefined when the value is not one it converts. */
export function providerInteger(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isInteger(value) ? value : undefined;
    }
    if (typeof value === "string" && /^[+-]?\d{1,10}$/.test(value)) {
        return Number(value);
    }
    return undefined;
}
