/**
 * What every rule shares: reading the document from either resource shape, failing text that is
 * not JSON, config defaults, and deferring checks of values unknown at preview.
 */
import {
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { Compliance } from "../compliance";
import { isUnknownValueError, UnknownValue, UnknownValueError } from "../policyHost";
import { describe, isObject, JsonObject, ParsedDocument, parseSecurityConfiguration, quote } from "../model";
import { SECURITY_CONFIGURATION_TYPES, securityConfigurationOf } from "../resources";

/** What a check returns: the violations it found, or why the resource is out of its scope. */
export type CheckResult = string[] | { notApplicable: string };

type Metadata = Omit<ResourceValidationPolicy, "validateResource" | "remediateResource" | "framework" | "tags"> & {
    compliance: Compliance;
};

/** A rule's metadata as the policy SDK takes it: the compliance mapping as its framework and tags. */
function policyMetadata({ compliance, ...rest }: Metadata) {
    return { ...rest, framework: compliance.framework, tags: compliance.tags };
}

/** An unknown value that the framework reports as "can't run during preview", saying when it will run. */
class DeferredCheck extends UnknownValueError {
    constructor(cause: UnknownValue, when: string) {
        super(cause.unknownTypeSentinel, cause.props);
        this.message = `${cause.message}; the check runs ${when}`;
    }
}

export const AT_UPDATE = "at update, before the resource is created";
export const AFTER_UPDATE = "again when the stack is analyzed with the values known";

function deferUnknowns<T>(when: string, run: () => T): T {
    try {
        return run();
    } catch (e) {
        if (isUnknownValueError(e) && !(e instanceof DeferredCheck)) {
            throw new DeferredCheck(e, when);
        }
        throw e;
    }
}

/** The rule's options: its defaults, overridden by the pack config. */
export function options<C extends object>(defaults: C, args: { getConfig<T extends object>(): T }): C {
    return { ...defaults, ...args.getConfig<Partial<C>>() };
}

function reportAll(result: CheckResult, report: ReportViolation, notApplicable: (reason: string) => never): void {
    if (!Array.isArray(result)) {
        notApplicable(result.notApplicable);
        return;
    }
    result.forEach((message) => report(message));
}

/** A resource rule over resources of the given types. */
export function resourceRule<C extends object>(
    meta: Metadata,
    types: readonly string[],
    defaults: C,
    check: (props: Record<string, unknown>, config: C, args: ResourceValidationArgs) => CheckResult,
    remediate?: ResourceValidationPolicy["remediateResource"],
): ResourceValidationPolicy {
    return {
        ...policyMetadata(meta),
        validateResource: (args, report) => {
            if (types.includes(args.type)) {
                deferUnknowns(AT_UPDATE, () => reportAll(check(args.props, options(defaults, args), args), report, args.notApplicable));
            }
        },
        remediateResource: remediate,
    };
}

/**
 * A rule over security-configuration documents, from either resource shape. Text that is not a
 * JSON object is emr-security-configuration-valid's to report, once: EMR refuses it, so nothing
 * else about it can be judged.
 */
export function documentRule<C extends object>(
    meta: Metadata,
    defaults: C,
    check: (document: JsonObject, config: C, parsed: ParsedDocument) => CheckResult,
): ResourceValidationPolicy {
    const reportsText = meta.name === VALIDITY_RULE;
    return resourceRule(meta, SECURITY_CONFIGURATION_TYPES, defaults, (props, config, args) => {
        const parsed = parseSecurityConfiguration(securityConfigurationOf(args.type, props));
        if (!parsed.document) {
            return reportsText
                ? [`${parsed.problem!.message}. Fix the document: EMR refuses it, and none of its settings can be checked.`]
                : { notApplicable: `the document is not a JSON object; ${VALIDITY_RULE} reports it` };
        }
        return check(parsed.document, config, parsed);
    });
}

/** The one rule that reports a document EMR cannot read at all. */
export const VALIDITY_RULE = "emr-security-configuration-valid";

/** A rule over the whole stack. */
export function stackRule<C extends object>(
    meta: Metadata,
    defaults: C,
    check: (args: StackValidationArgs, config: C) => { resource?: string; message: string }[] | { notApplicable: string },
): StackValidationPolicy {
    return {
        ...policyMetadata(meta),
        validateStack: (args, report) =>
            deferUnknowns(AFTER_UPDATE, () => {
                const result = check(args, options(defaults, args));
                if (!Array.isArray(result)) {
                    args.notApplicable(result.notApplicable);
                    return;
                }
                for (const { resource, message } of result) {
                    report(message, resource);
                }
            }),
    };
}

/**
 * Reads `keys` below a document, noticing keys that differ only in case (which EMR ignores), and
 * describes what it found for a message.
 */
export function lookup(document: JsonObject, keys: readonly string[]): { value: unknown; found: boolean; hint: string } {
    let value: unknown = document;
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (!isObject(value)) {
            return { value: undefined, found: false, hint: "" };
        }
        if (!Object.prototype.hasOwnProperty.call(value, key)) {
            const variant = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
            const hint = variant ? ` (there is a key ${quote(variant)}, but keys are case-sensitive and EMR rejects it)` : "";
            return { value: undefined, found: false, hint };
        }
        value = value[key];
    }
    return { value, found: true, hint: "" };
}

/** `EncryptionConfiguration.EnableAtRestEncryption is not set (EMR treats it as false)` and the like. */
export function flagState(document: JsonObject, keys: readonly string[]): string {
    const { value, found, hint } = lookup(document, keys);
    const name = keys.join(".");
    if (!found) {
        return `${name} is not set, which EMR treats as false${hint}`;
    }
    if (value === false) {
        return `${name} is false`;
    }
    if (typeof value === "string") {
        return `${name} is the string ${quote(value)}, not a JSON boolean`;
    }
    return `${name} is ${describe(value)}, not the JSON boolean true`;
}

export const EC = "EncryptionConfiguration";
export const ARC = "AtRestEncryptionConfiguration";
export const S3 = "S3EncryptionConfiguration";
export const LD = "LocalDiskEncryptionConfiguration";
export const ITC = "InTransitEncryptionConfiguration";
export const TLS = "TLSCertificateConfiguration";

/** The violation every at-rest rule reports when at-rest encryption itself is off. */
export function atRestOff(document: JsonObject): string[] {
    if (lookup(document, [EC, "EnableAtRestEncryption"]).value === true) {
        return [];
    }
    return [
        `At-rest encryption is off: ${flagState(document, [EC, "EnableAtRestEncryption"])}. Set it to true (a JSON boolean) with an ${ARC}.`,
    ];
}

/**
 * The at-rest section (S3 or local disk) a rule checks, or the violations that stop it first:
 * at-rest encryption off, or the section missing (`missing` words that, given a case hint).
 */
export function atRestSection(
    document: JsonObject,
    section: typeof S3 | typeof LD,
    missing: (hint: string) => string,
): { section: JsonObject } | { violations: string[] } {
    const off = atRestOff(document);
    if (off.length > 0) {
        return { violations: off };
    }
    const { value, hint } = lookup(document, [EC, ARC, section]);
    return isObject(value) ? { section: value } : { violations: [missing(hint)] };
}
