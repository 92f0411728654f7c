/**
 * Runs the pack's rules in process, with the semantics the policy host gives them: the same rule
 * objects, config resolved as the CLI resolves `--policy-pack-config`, props behind the framework's
 * unknown-checking proxy, remediation before validation.
 */
import {
    EnforcementLevel,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { checkPolicyConfig } from "./config";
import { deferralMessage, deferralOf } from "./deferral";
import { exemptionOf, readExceptions } from "./exceptions";
import { openSecrets } from "./secrets";
import { describe, isObject, quote } from "./model";
import { EvaluateOptions, PolicyFinding, PolicyResource } from "./findings";
import { isTypeOf, isUnknownValueError, UnknownValue, unknownCheckingProxy } from "./policyHost";
import { Rule, RULES } from "./rules";
import { UNKNOWN } from "./unknown";

export { UNKNOWN };
export type { EvaluateOptions, PolicyFinding, PolicyResource };

class NotApplicable {}

/**
 * What a rule throws to say a resource is out of its scope. One value, made once: the reason is
 * not reported, and an Error would capture a stack trace each time (a tenth of the evaluator's
 * time on a large stack).
 */
const NOT_APPLICABLE = new NotApplicable();

function notApplicable(): never {
    throw NOT_APPLICABLE;
}

function isStackRule(rule: Rule): rule is StackValidationPolicy {
    return "validateStack" in rule && typeof rule.validateStack === "function";
}

/** A rule's level and options from a pack config; `undefined` level means the rule's own default. */
export function ruleSettings(
    rule: Rule,
    config: Record<string, unknown> = {},
): { level: EnforcementLevel; options: Record<string, unknown> } {
    const entry = config[rule.name];
    const all = typeof config.all === "string" ? (config.all as EnforcementLevel) : undefined;
    if (typeof entry === "string") {
        return { level: entry as EnforcementLevel, options: {} };
    }
    const { enforcementLevel, ...options } = (entry ?? {}) as { enforcementLevel?: EnforcementLevel };
    return { level: enforcementLevel ?? all ?? rule.enforcementLevel ?? "advisory", options };
}

/** Whether a value holds the UNKNOWN sentinel anywhere: iterative and cycle-safe, so no input can overflow the stack. */
function hasUnknown(root: unknown): boolean {
    const seen = new Set<object>();
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const value = stack.pop();
        if (value === UNKNOWN) {
            return true;
        }
        if (typeof value === "object" && value !== null && !seen.has(value)) {
            seen.add(value);
            // One push at a time: spreading a list of a million values would overflow the call stack.
            for (const child of Object.values(value)) {
                stack.push(child);
            }
        }
    }
    return false;
}

/** At most this many bad resources are listed in the error; the rest are counted. */
const MAX_LISTED = 10;

/** Every resource that is not one: named by index, name and type, in one error. */
function checkResources(resources: unknown): asserts resources is PolicyResource[] {
    if (!Array.isArray(resources)) {
        throw new TypeError(`evaluatePolicies takes an array of resources; got ${describe(resources)}`);
    }
    const problems: string[] = [];
    resources.forEach((resource: unknown, i) => {
        if (!isObject(resource)) {
            problems.push(`resources[${i}] must be an object with type, name and props; got ${describe(resource)}`);
            return;
        }
        const label = `resources[${i}]${typeof resource.name === "string" ? ` (${quote(resource.name)})` : ""}`;
        const wrong = [
            typeof resource.type === "string" ? undefined : `type must be a string; got ${describe(resource.type)}`,
            typeof resource.name === "string" ? undefined : `name must be a string; got ${describe(resource.name)}`,
            isObject(resource.props) ? undefined : `props must be an object (use {} for none); got ${describe(resource.props)}`,
        ].filter((w): w is string => w !== undefined);
        if (wrong.length > 0) {
            problems.push(`${label}: ${wrong.join("; ")}`);
        }
    });
    if (problems.length > 0) {
        const more = problems.length > MAX_LISTED ? [`... and ${problems.length - MAX_LISTED} more`] : [];
        throw new TypeError(`Invalid resources:\n${[...problems.slice(0, MAX_LISTED), ...more].map((p) => `  - ${p}`).join("\n")}`);
    }
}

function cannotRunYet(rule: Rule, error: UnknownValue, resource?: string): PolicyFinding {
    return {
        policy: rule.name,
        resource,
        level: "advisory",
        message: deferralMessage(rule.name, error.message),
    };
}

/**
 * Evaluates every enabled rule of the pack: resource rules on each resource, stack rules on the set.
 * Returns the findings; a rule that throws anything but the framework's unknown-value error throws.
 */
export async function evaluatePolicies(
    resources: PolicyResource[],
    options: EvaluateOptions = {},
    rules: readonly Rule[] = RULES,
): Promise<PolicyFinding[]> {
    checkResources(resources);
    const config = (options ?? {}).config ?? {};
    const problems = checkPolicyConfig(config, rules);
    if (problems.length > 0) {
        throw new Error(`Invalid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    if (!options?.preview && resources.some((r) => hasUnknown(r.props))) {
        throw new Error("UNKNOWN values stand for values unknown at preview: pass { preview: true } with them");
    }
    // Secrets as the engine and stack exports carry them: plaintext opened, ciphertext unknown, so
    // that the checks needing it defer rather than read the envelope as a value.
    let sealed = false;
    resources = resources.map((r) => {
        const opened = openSecrets(r.props);
        sealed ||= opened.sealed;
        return opened.value === r.props ? r : { ...r, props: opened.value as Record<string, unknown> };
    });
    const findings: PolicyFinding[] = [];
    const urns = resources.map((r) => r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}`);
    const opts = resources.map((r) => ({ protect: false, ignoreChanges: [], aliases: [], customTimeouts: {}, ...r.opts }));
    // The host's proxy only ever acts on a value unknown at preview; props with none are handed over
    // as they are, which spares every rule's every read the proxy's trap (most of the evaluator's
    // time on a large stack).
    const proxied = resources.map((r) => ((options?.preview || sealed) && hasUnknown(r.props) ? unknownCheckingProxy(r.props) : r.props));
    // Everything per rule is made once: its level, its config, its validations, and a reporter
    // that reads the resource being analyzed from `current`.
    let current = "";
    const settings = rules
        .map((rule) => {
            const { level, options: ruleOptions } = ruleSettings(rule, config);
            // As the policy host does: a violation of a rule that remediates is reported as mandatory.
            const reported: PolicyFinding["level"] = level === "remediate" ? "mandatory" : (level as PolicyFinding["level"]);
            const validateResource = isStackRule(rule) ? undefined : rule.validateResource;
            return {
                rule,
                level,
                reported,
                getConfig: <T extends object>() => ({ ...ruleOptions }) as T,
                validations: validateResource === undefined ? [] : Array.isArray(validateResource) ? validateResource : [validateResource],
                report: ((message: string) =>
                    findings.push({ policy: rule.name, resource: current, level: reported, message })) as ReportViolation,
            };
        })
        .filter((s) => s.level !== "disabled");
    const resourceRules = settings.filter((s) => !isStackRule(s.rule));

    // Resource by resource, every resource rule, as the policy host analyzes each resource.
    for (let i = 0; i < resources.length; i++) {
        const resource = resources[i];
        const urn = urns[i];
        current = urn;
        for (const { rule, level, getConfig, validations, report } of resourceRules) {
            let props = proxied[i];
            const remediate = (rule as ResourceValidationPolicy).remediateResource;
            if (level === "remediate" && remediate) {
                let fixed = guarded(rule, urn, findings, remediate, resourceArgs(resource, urn, props, opts[i], getConfig));
                if (isPromiseLike(fixed)) {
                    fixed = await fixed;
                }
                if (fixed && typeof fixed === "object") {
                    findings.push({ policy: rule.name, resource: urn, level: "remediate", message: `remediated by policy '${rule.name}'` });
                    props = unknownCheckingProxy(fixed as Record<string, unknown>);
                }
            }
            for (const validate of validations) {
                const done = guarded(rule, urn, findings, validate, resourceArgs(resource, urn, props, opts[i], getConfig), report);
                if (isPromiseLike(done)) {
                    await done;
                    current = urn;
                }
            }
        }
    }

    // Then the stack rules, on the whole set.
    let stackResources: PolicyStackResource[] | undefined;
    for (const { rule, reported, getConfig } of settings) {
        if (!isStackRule(rule)) {
            continue;
        }
        stackResources ??= stackView(resources, urns, proxied, opts);
        const report: ReportViolation = (message, urn) => findings.push({ policy: rule.name, resource: urn, level: reported, message });
        await guarded(
            rule,
            undefined,
            findings,
            rule.validateStack,
            { resources: stackResources, getConfig, notApplicable } as never,
            report,
        );
    }
    // Marked by their words, so that the host's deferrals and a rule's own read alike. A deferral is
    // no violation, so no exception applies to it.
    const { exceptions } = readExceptions(config.exceptions);
    for (const finding of findings) {
        const deferral = finding.level === "advisory" ? deferralOf(finding.message) : undefined;
        if (deferral) {
            finding.deferral = deferral;
        }
        const exemption = deferral ? undefined : exemptionOf(exceptions, finding.policy, finding.resource);
        if (exemption) {
            finding.exemption = exemption;
        }
    }
    return findings;
}

type PolicyStackResource = StackValidationArgs["resources"][number];

/** The resources as stack rules see them, parents linked through a map rather than a search. */
function stackView(resources: PolicyResource[], urns: string[], proxied: Record<string, unknown>[], opts: object[]): PolicyStackResource[] {
    const view = resources.map((r, i) => ({
        type: r.type,
        name: r.name,
        urn: urns[i],
        props: proxied[i],
        opts: opts[i],
        dependencies: [],
        propertyDependencies: {},
        isType: (resourceClass: unknown) => isTypeOf(r.type, resourceClass),
        asType: (resourceClass: unknown) => (isTypeOf(r.type, resourceClass) ? proxied[i] : undefined),
    })) as unknown as (PolicyStackResource & { parent?: PolicyStackResource })[];
    const byUrn = new Map(view.map((r) => [r.urn, r]));
    resources.forEach((r, i) => {
        if (r.parent !== undefined) {
            view[i].parent = byUrn.get(r.parent);
        }
    });
    return view;
}

const NO_STACK_TAGS: ReadonlyMap<string, string> = new Map();

/** Validation args as the policy host builds them; `props` is already behind the unknown-checking proxy. */
function resourceArgs(
    resource: PolicyResource,
    urn: string,
    props: Record<string, unknown>,
    opts: object,
    getConfig: <T extends object>() => T,
): ResourceValidationArgs {
    return {
        type: resource.type,
        name: resource.name,
        urn,
        props,
        opts,
        stackTags: NO_STACK_TAGS,
        isType: (resourceClass: unknown) => isTypeOf(resource.type, resourceClass),
        asType: (resourceClass: unknown) => (isTypeOf(resource.type, resourceClass) ? props : undefined),
        getConfig,
        notApplicable,
    } as unknown as ResourceValidationArgs;
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
    return typeof (value as { then?: unknown } | undefined)?.then === "function";
}

/**
 * Runs one rule call, turning the framework's unknown-value error into its advisory and
 * not-applicable into nothing. Synchronous calls stay synchronous: most rules are, and awaiting
 * each of them would cost a microtask per rule and resource.
 */
function guarded<A, B, T>(
    rule: Rule,
    urn: string | undefined,
    findings: PolicyFinding[],
    run: (a: A, b: B) => T | Promise<T>,
    a: A,
    b?: B,
): T | undefined | Promise<T | undefined> {
    const handle = (e: unknown): undefined => {
        if (isUnknownValueError(e)) {
            findings.push(cannotRunYet(rule, e, urn));
            return undefined;
        }
        if (e instanceof NotApplicable) {
            return undefined;
        }
        throw e;
    };
    try {
        const result = run(a, b as B);
        return isPromiseLike(result) ? result.then((value) => value, handle) : result;
    } catch (e) {
        return handle(e);
    }
}
