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
    StackValidationPolicy,
    unknownCheckingProxy,
    UnknownValueError,
} from "@pulumi/policy";
import { checkPolicyConfig } from "./config";
import { RULES } from "./rules";

/** Put this in `props` for a value that is unknown at preview (the engine's own sentinel). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface PolicyResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    urn?: string;
    /** The URN of the parent resource, if any. */
    parent?: string;
    /** Resource options, as the engine reports them. */
    opts?: { protect?: boolean; retainOnDelete?: boolean; additionalSecretOutputs?: string[] };
}

export interface PolicyFinding {
    policy: string;
    /** The URN of the resource the finding is about; absent for findings about the whole stack. */
    resource?: string;
    level: "advisory" | "mandatory" | "remediate";
    message: string;
}

export interface EvaluateOptions {
    /** The pack's config in `--policy-pack-config` form: `all`, and per rule a level or `{ enforcementLevel, ...options }`. */
    config?: Record<string, unknown>;
    /** Evaluate as `pulumi preview` does: a rule that reads an `UNKNOWN` value reports it cannot run yet. */
    preview?: boolean;
}

type Rule = ResourceValidationPolicy | StackValidationPolicy;

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason);
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

function hasUnknown(value: unknown): boolean {
    if (value === UNKNOWN) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(hasUnknown);
    }
    return typeof value === "object" && value !== null && Object.values(value).some(hasUnknown);
}

function cannotRunYet(rule: Rule, error: UnknownValueError, resource?: string): PolicyFinding {
    return {
        policy: rule.name,
        resource,
        level: "advisory",
        message: `can't run policy '${rule.name}' during preview: ${error.message}`,
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
    const config = options.config ?? {};
    const problems = checkPolicyConfig(config, rules);
    if (problems.length > 0) {
        throw new Error(`Invalid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    if (!options.preview && resources.some((r) => hasUnknown(r.props))) {
        throw new Error("UNKNOWN values stand for values unknown at preview: pass { preview: true } with them");
    }
    const findings: PolicyFinding[] = [];
    const urnOf = (r: PolicyResource) => r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}`;
    for (const rule of rules) {
        const { level, options: ruleOptions } = ruleSettings(rule, config);
        if (level === "disabled") {
            continue;
        }
        const getConfig = <T extends object>() => ({ ...ruleOptions }) as T;
        // As the policy host does: a violation of a rule that remediates is reported as mandatory.
        const reported = level === "remediate" ? "mandatory" : level;
        if (isStackRule(rule)) {
            const report: ReportViolation = (message, urn) => findings.push({ policy: rule.name, resource: urn, level: reported, message });
            const stackResources = resources.map((r) => ({
                type: r.type,
                name: r.name,
                urn: urnOf(r),
                props: unknownCheckingProxy(r.props),
                opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: {}, ...r.opts },
                dependencies: [],
                propertyDependencies: {},
                isType: () => false,
                asType: () => undefined,
            }));
            for (const resource of stackResources) {
                const parentUrn = resources.find((r) => urnOf(r) === resource.urn)?.parent;
                Object.assign(resource, { parent: stackResources.find((r) => r.urn === parentUrn) });
            }
            await runGuarded(rule, undefined, findings, () =>
                rule.validateStack({ resources: stackResources, getConfig, notApplicable } as never, report),
            );
            continue;
        }
        for (const resource of resources) {
            const urn = urnOf(resource);
            let props = resource.props;
            if (level === "remediate" && rule.remediateResource) {
                const fixed = await runGuarded(rule, urn, findings, () =>
                    rule.remediateResource!(resourceArgs(resource, urn, props, getConfig)),
                );
                if (fixed && typeof fixed === "object") {
                    findings.push({ policy: rule.name, resource: urn, level: "remediate", message: `remediated by policy '${rule.name}'` });
                    props = fixed as Record<string, unknown>;
                }
            }
            if (!rule.validateResource) {
                continue;
            }
            const validations = Array.isArray(rule.validateResource) ? rule.validateResource : [rule.validateResource];
            const report: ReportViolation = (message) => findings.push({ policy: rule.name, resource: urn, level: reported, message });
            for (const validate of validations) {
                await runGuarded(rule, urn, findings, () => validate(resourceArgs(resource, urn, props, getConfig), report));
            }
        }
    }
    return findings;
}

function resourceArgs(
    resource: PolicyResource,
    urn: string,
    props: Record<string, unknown>,
    getConfig: <T extends object>() => T,
): ResourceValidationArgs {
    const proxied = unknownCheckingProxy(props);
    return {
        type: resource.type,
        name: resource.name,
        urn,
        props: proxied,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: {}, ...resource.opts } as never,
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig,
        notApplicable,
    } as unknown as ResourceValidationArgs;
}

async function runGuarded<T>(
    rule: Rule,
    urn: string | undefined,
    findings: PolicyFinding[],
    run: () => T | Promise<T>,
): Promise<T | undefined> {
    try {
        return await run();
    } catch (e) {
        if (e instanceof UnknownValueError) {
            findings.push(cannotRunYet(rule, e, urn));
            return undefined;
        }
        if (e instanceof NotApplicable) {
            return undefined;
        }
        throw e;
    }
}
