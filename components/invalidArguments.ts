/**
 * The one error for invalid arguments, thrown by every component and helper of the package, and the
 * mark a composing component puts on the arguments it has already checked for its children.
 */
import * as pulumi from "@pulumi/pulumi";
import { Problem } from "../policies/model";

/**
 * Invalid arguments: every problem found, each with its argument path and stable code. A
 * `ResourceError` without a stack, so that `pulumi up` prints the list against the component that
 * was given the arguments (helpers, which have no resource, leave it undefined).
 */
export class InvalidArgumentsError extends pulumi.ResourceError {
    constructor(
        heading: string,
        public readonly problems: readonly Problem[],
        resource?: pulumi.Resource,
    ) {
        super(formatProblems(heading, problems), resource, true);
        this.name = "InvalidArgumentsError";
    }
}

/** A line per problem; the path leads, unless the message already starts with it. */
export function formatProblems(heading: string, problems: readonly Problem[]): string {
    const line = (p: Problem) => (p.path && p.message.startsWith(p.path) ? p.message : `${p.path || "(arguments)"}: ${p.message}`);
    return `${heading}:\n${problems.map((p) => `  - ${line(p)}`).join("\n")}`;
}

/** Throws one `InvalidArgumentsError` naming every problem, if there are any. */
export function throwIfProblems(heading: string, problems: readonly Problem[], resource?: pulumi.Resource): void {
    if (problems.length > 0) {
        throw new InvalidArgumentsError(heading, problems, resource);
    }
}

/**
 * Arguments a composing component built for a child after checking them through the child's own
 * check: the child does not check them again at construction. Only components add to it, and only
 * objects they create, so no caller can skip a check.
 */
const checkedByParent = new WeakSet<object>();

export function markChecked<T extends object>(args: T): T {
    checkedByParent.add(args);
    return args;
}

/** The child's construction-time problems: none for arguments its parent checked. */
export function unlessCheckedByParent<T>(args: T, check: (args: T) => Problem[]): Problem[] {
    return typeof args === "object" && args !== null && checkedByParent.has(args) ? [] : check(args);
}
