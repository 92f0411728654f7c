/**
 * Construction-time argument checks shared by the components, each adding `Problem`s to a list;
 * `invalidArguments.ts` throws the list as one error. Values that are outputs are checked when they
 * resolve.
 */
import * as pulumi from "@pulumi/pulumi";
import { FORMATS, Format, isAwsPartition, isAwsRegion, KmsKeyReference, kmsKeyReference, Problem, quote, shown } from "../policies/model";

export { shown };

/** Checks an option is a boolean; `undefined` means its default. `null`, `0`, `""` or `"false"` never pass as false. */
export function checkBoolean(problems: Problem[], path: string, value: unknown): void {
    if (value !== undefined && typeof value !== "boolean" && !isDeferred(value)) {
        problems.push({
            path,
            code: "wrong-type",
            message: `${path} must be true or false (a boolean), or left unset for its default; got ${shown(value)}`,
        });
    }
}

/** Not a plain value yet: an output or a promise, checked when it resolves. */
export function isDeferred(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/** Checks a plain string against a model format; outputs and absent values pass for now. */
export function checkFormat(problems: Problem[], path: string, value: unknown, format: Format): void {
    if (typeof value === "string") {
        const wrong = FORMATS[format](value);
        if (wrong) {
            problems.push({ path, code: wrong.code, message: `${path} ${wrong.message}; got ${quote(value)}` });
        }
    } else if (value !== undefined && !isDeferred(value)) {
        problems.push({ path, code: "wrong-type", message: `${path} must be a string` });
    }
}

/** Checks each plain item of a list of strings against a format. */
export function checkFormats(problems: Problem[], path: string, values: unknown, format: Format): void {
    listArgument(problems, path, values).forEach((value, i) => checkFormat(problems, `${path}[${i}]`, value, format));
}

/** Checks a plain number is an integer within a range; outputs and absent values pass for now. */
export function checkInteger(problems: Problem[], path: string, value: unknown, min: number, max: number): void {
    if (value === undefined || isDeferred(value)) {
        return;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        problems.push({
            path,
            code: typeof value === "number" ? "out-of-range" : "wrong-type",
            message: `${path} must be a whole number from ${min} to ${max}; got ${shown(value)}`,
        });
    }
}

/** Checks a plain string is one of the allowed values (case-sensitive, as EMR is). */
export function checkOneOf(problems: Problem[], path: string, value: unknown, allowed: readonly string[]): void {
    if (value === undefined || isDeferred(value)) {
        return;
    }
    if (typeof value !== "string" || !allowed.includes(value)) {
        const quoted = allowed.map((a) => JSON.stringify(a));
        problems.push({
            path,
            code: typeof value === "string" ? "value-not-allowed" : "wrong-type",
            message: `${path} must be ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}; got ${shown(value)}`,
        });
    }
}

/** A nested argument's problems, as the enclosing component reports them (`certificate.rsaBits`). */
export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
    return movedProblems(problems, (path) => (path ? `${prefix}.${path}` : prefix));
}

/**
 * Problems a child's check found, reported at the parent's argument that supplied each value
 * (`keyUserRoleArns[0]` to `instanceProfileRoleArn`). Messages start with the path they name.
 */
export function movedProblems(problems: readonly Problem[], move: (path: string) => string): Problem[] {
    return problems.map((p) => {
        const path = move(p.path);
        return { ...p, path, message: p.path && p.message.startsWith(p.path) ? path + p.message.slice(p.path.length) : p.message };
    });
}

/** A list argument: its items, or none with a problem when it is not a list (a string would spread into letters). */
export function listArgument(problems: Problem[], path: string, value: unknown): readonly unknown[] {
    if (value === undefined || isDeferred(value)) {
        return [];
    }
    if (!Array.isArray(value)) {
        problems.push({ path, code: "wrong-type", message: `${path} must be a list, or left unset; got ${shown(value)}` });
        return [];
    }
    return value;
}

const KEY_FORMS: Record<Exclude<KmsKeyReference, "key-arn">, string> = {
    "alias-arn": "an alias ARN",
    "alias-name": "an alias name",
    "key-id": "a bare key id",
};

/**
 * Warns, on the component, about each KMS key given in a form EMR accepts but that is not the key
 * ARN. Outputs are looked at when they resolve.
 */
export function warnKeyReferences(component: pulumi.Resource, label: string, keys: readonly { path: string; value: unknown }[]): void {
    for (const { path, value } of keys) {
        const warn = (resolved: unknown) => {
            const form = typeof resolved === "string" ? kmsKeyReference(resolved) : undefined;
            if (form !== undefined && form !== "key-arn") {
                pulumi.log.warn(
                    `${label}: ${path} is ${KEY_FORMS[form]} (${quote(resolved as string)}). EMR accepts it, but use the key ARN, so that key-policy checks and cross-account use are exact.`,
                    component,
                );
            }
        };
        if (isDeferred(value)) {
            pulumi.output(value as pulumi.Input<string>).apply(warn);
        } else {
            warn(value);
        }
    }
}

/**
 * A nested group of arguments (`kerberos`, `certificate`...): an object, or unset; never `null` or
 * a scalar, and never one output. Over `Construct` (a Python, Go or .NET program) the SDK sends a
 * nested object that holds a secret or another resource's output as one output value, whose
 * shape the component cannot see when it decides which resources to create.
 */
export function checkNestedObject(problems: Problem[], path: string, value: unknown): void {
    if (isDeferred(value)) {
        problems.push({
            path,
            code: "wrong-type",
            message: `${path} arrived as one output value, as another language sends an object holding a secret or another resource's output; the component needs its settings when it is constructed: give them as plain values (leave generated passwords unset)`,
        });
    } else if (!isArgumentsObject(value) && value !== undefined) {
        problems.push({ path, code: "wrong-type", message: `${path} must be an object, or left unset; got ${shown(value)}` });
    }
}

/** A plain object of arguments, not an output. */
export function isArgumentsObject(value: unknown): value is object {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !isDeferred(value);
}

/** Arguments that are not an object at all (`null`, a string): one problem saying so, before any other check reads them. */
export function checkArgumentsObject(args: unknown): Problem | undefined {
    return typeof args === "object" && args !== null && !Array.isArray(args)
        ? undefined
        : { path: "(arguments)", code: "wrong-type", message: `the arguments must be an object; got ${shown(args)}` };
}

/**
 * ARNs held to the partition the component is told it runs in: a key policy or configuration that
 * names a role of another partition (`aws-cn` against `aws`) is refused by KMS and cannot work.
 */
export function checkPartitions(problems: Problem[], partition: unknown, arns: Record<string, unknown>): void {
    // An invalid partition is reported on its own; comparing against it would only repeat that.
    if (typeof partition !== "string" || !isAwsPartition(partition)) {
        return;
    }
    for (const [path, arn] of Object.entries(arns)) {
        const actual = typeof arn === "string" && arn.startsWith("arn:") ? arn.split(":")[1] : undefined;
        if (actual !== undefined && actual !== partition) {
            problems.push({
                path,
                code: "bad-format",
                message: `${path} is in partition ${quote(actual)}, but partition is ${quote(partition)}: use an ARN of the partition the stack deploys to`,
            });
        }
    }
}

/** A Region name as AWS spells them (`us-east-1`, `us-gov-west-1`, `cn-north-1`), when it is a string. */
export function regionProblems(path: string, region: unknown): Problem[] {
    return typeof region === "string" && !isAwsRegion(region)
        ? [{ path, code: "bad-format", message: `${path} must be an AWS Region such as us-east-1; got ${shown(region)}` }]
        : [];
}
