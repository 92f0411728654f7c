/**
 * Construction-time argument checks shared by the components: collect every problem, then throw
 * one error that lists them all. Values that are outputs are checked when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";
import { FORMATS, Format, Problem } from "../policies/model";

export function formatProblems(heading: string, problems: readonly Problem[]): string {
    return `${heading}:\n${problems.map((p) => `  - ${p.path || "(arguments)"}: ${p.message}`).join("\n")}`;
}

/** Throws one error naming every problem, against the component that was given the arguments. */
export function throwIfProblems(component: pulumi.Resource, kind: string, name: string, problems: readonly Problem[]): void {
    if (problems.length > 0) {
        throw new pulumi.ResourceError(formatProblems(`Invalid arguments for ${kind} "${name}"`, problems), component);
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
            problems.push({ path, message: `${path} ${wrong}; got ${JSON.stringify(value)}` });
        }
    } else if (value !== undefined && !isDeferred(value)) {
        problems.push({ path, message: `${path} must be a string` });
    }
}

/** Checks each plain item of a list of strings against a format. */
export function checkFormats(problems: Problem[], path: string, values: readonly unknown[] | undefined, format: Format): void {
    (values ?? []).forEach((value, i) => checkFormat(problems, `${path}[${i}]`, value, format));
}

/** Checks a plain number is an integer within a range; outputs and absent values pass for now. */
export function checkInteger(problems: Problem[], path: string, value: unknown, min: number, max: number): void {
    if (value === undefined || isDeferred(value)) {
        return;
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        problems.push({ path, message: `${path} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}` });
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
            message: `${path} must be ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}; got ${JSON.stringify(value)}`,
        });
    }
}

/** A nested argument's problems, as the enclosing component reports them (`certificate.rsaBits`). */
export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
    return problems.map((p) => ({
        path: p.path ? `${prefix}.${p.path}` : prefix,
        message: p.path && p.message.startsWith(p.path) ? `${prefix}.${p.message}` : p.message,
    }));
}
