/**
 * From camelCase arguments to the EMR document, and from the document's JSON pointers back to
 * argument paths, both driven by the one schema in policies/model.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    describe,
    DOCUMENT,
    Field,
    isObject,
    Problem,
    quote,
    SchemaNode,
    SecurityConfigurationDocument,
    segmentsOf,
    validateSecurityConfiguration,
} from "../policies/model";
import { throwIfProblems } from "./invalidArguments";
import { SecurityConfigurationSections } from "./securityConfigurationArgs";

/** The arguments with every input resolved: what `buildSecurityConfiguration` takes. */
export type SecurityConfigurationSpec = pulumi.Unwrap<SecurityConfigurationSections>;

export interface BuildOptions {
    /** The cluster's EMR release (`emr-6.15.0`): also refuse features it does not support. */
    releaseLabel?: string;
}

/**
 * Builds the exact EMR document from typed camelCase arguments. The enable flags default to
 * whether their section is given. Throws an `InvalidArgumentsError` listing every problem, by argument path.
 */
export function buildSecurityConfiguration(spec: SecurityConfigurationSpec, options: BuildOptions = {}): SecurityConfigurationDocument {
    const { document, problems } = checkSecurityConfigurationArguments(spec, options);
    throwIfProblems("Invalid EMR security configuration arguments", problems);
    return document as SecurityConfigurationDocument;
}

/**
 * Maps arguments onto the document and validates it, without throwing. `deferred` tells which
 * leaves are not known yet (outputs): they are kept out of the checks that need their value.
 */
export function checkSecurityConfigurationArguments(
    spec: unknown,
    options: BuildOptions = {},
    deferred: (value: unknown) => boolean = () => false,
): { document: Record<string, unknown>; problems: Problem[] } {
    const problems: Problem[] = [];
    const deferredPaths: string[] = [];
    const document = mapObject(DOCUMENT, spec, "", "", problems, deferred, deferredPaths);
    defaultEncryptionFlags(document);
    const isDeferred = (path: string) => deferredPaths.some((d) => path === d || path.startsWith(d + "/"));
    for (const problem of validateSecurityConfiguration(document, options)) {
        if (!isDeferred(problem.path)) {
            // The path is the argument's; the message keeps EMR's key names, which the path translates.
            problems.push({ ...problem, path: argumentPath(problem.path) });
        }
    }
    return { document, problems };
}

function mapObject(
    node: SchemaNode & { kind: "object" },
    value: unknown,
    pointer: string,
    argPath: string,
    problems: Problem[],
    deferred: (value: unknown) => boolean,
    deferredPaths: string[],
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!isObject(value)) {
        problems.push({
            path: argPath,
            code: "wrong-type",
            message: `${argPath || "the arguments"} must be an object; got ${describe(value)}`,
        });
        return out;
    }
    const settable = node.fields.filter((f): f is Field & { arg: string } => f.arg !== undefined);
    for (const key of Object.keys(value)) {
        if (value[key] !== undefined && !settable.some((f) => f.arg === key)) {
            problems.push({
                path: join(argPath, key),
                code: "unknown-key",
                message: `${quote(key)} is not an argument here; allowed: ${settable.map((f) => f.arg).join(", ")}`,
            });
        }
    }
    for (const field of settable) {
        const child = value[field.arg];
        if (child !== undefined) {
            out[field.key] = mapValue(
                field.node,
                child,
                `${pointer}/${field.key}`,
                join(argPath, field.arg),
                problems,
                deferred,
                deferredPaths,
            );
        }
    }
    return out;
}

function mapValue(
    node: SchemaNode,
    value: unknown,
    pointer: string,
    argPath: string,
    problems: Problem[],
    deferred: (value: unknown) => boolean,
    deferredPaths: string[],
): unknown {
    if (deferred(value)) {
        deferredPaths.push(pointer);
        // Unique per path, so two deferred values never look equal to a cross-field rule.
        return `(deferred ${pointer})`;
    }
    if (node.kind === "object") {
        return mapObject(node, value, pointer, argPath, problems, deferred, deferredPaths);
    }
    if (node.kind === "array" && Array.isArray(value)) {
        return value.map((item, i) => mapValue(node.items, item, `${pointer}/${i}`, `${argPath}[${i}]`, problems, deferred, deferredPaths));
    }
    return value;
}

function defaultEncryptionFlags(document: Record<string, unknown>): void {
    const ec = document.EncryptionConfiguration;
    if (!isObject(ec)) {
        return;
    }
    const flags: [string, string][] = [
        ["EnableInTransitEncryption", "InTransitEncryptionConfiguration"],
        ["EnableAtRestEncryption", "AtRestEncryptionConfiguration"],
    ];
    const withFlags: Record<string, unknown> = {};
    for (const [flag, section] of flags) {
        withFlags[flag] = ec[flag] ?? ec[section] !== undefined;
    }
    // Rebuilt rather than assigned so that the flags keep their place at the front.
    const rest = Object.fromEntries(Object.entries(ec).filter(([k]) => !(k in withFlags)));
    document.EncryptionConfiguration = { ...withFlags, ...rest };
}

function join(argPath: string, key: string): string {
    return argPath ? `${argPath}.${key}` : key;
}

/** `/EncryptionConfiguration/AtRestEncryptionConfiguration/.../Overrides/1/AwsKmsKey` to `encryptionConfiguration...overrides[1].awsKmsKey`. */
export function argumentPath(path: string): string {
    let node: SchemaNode | undefined = DOCUMENT;
    let out = "";
    for (const segment of segmentsOf(path)) {
        if (node?.kind === "array") {
            out += `[${segment}]`;
            node = node.items;
            continue;
        }
        const field: Field | undefined = node?.kind === "object" ? node.fields.find((f) => f.key === segment) : undefined;
        out = join(out, field?.arg ?? segment);
        node = field?.node;
    }
    return out;
}
