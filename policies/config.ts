/**
 * Pack config in `--policy-pack-config` form, checked against each rule's config schema the way the
 * Pulumi CLI checks it before a run (the policy host itself does not).
 */
import { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { readExceptions } from "./exceptions";
import { describe, isObject, quote, shown } from "./model";

/** A rule or option name as a message shows it: plain when it is one, quoted (and cut, odd characters named) when not. */
function label(name: string): string {
    return /^[\w.-]{1,80}$/.test(name) ? name : quote(name);
}
import type { Rule } from "./rules";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** The SDK does not export its schema type by name. */
type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

function checkValue(path: string, schema: PolicyConfigJSONSchema, value: unknown, problems: string[]): void {
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    const typeOf = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : Number.isInteger(v) ? "integer" : typeof v);
    const actual = typeOf(value);
    if (types.length > 0 && !types.some((t: string) => t === actual || (t === "number" && actual === "integer"))) {
        problems.push(`${path} must be of type ${types.join(" or ")}; got ${actual}`);
        return;
    }
    if (schema.enum && !schema.enum.some((e: unknown) => e === value)) {
        problems.push(`${path} must be one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(", ")}; got ${shown(value)}`);
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) {
            problems.push(`${path} must be at least ${schema.minimum}; got ${value}`);
        }
        if (schema.maximum !== undefined && value > schema.maximum) {
            problems.push(`${path} must be at most ${schema.maximum}; got ${value}`);
        }
    }
    if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value)) {
        problems.push(`${path} must match ${schema.pattern}; got ${shown(value)}`);
    }
    if (Array.isArray(value) && schema.items && !Array.isArray(schema.items)) {
        const items = schema.items as PolicyConfigJSONSchema;
        value.forEach((item, i) => checkValue(`${path}[${i}]`, items, item, problems));
    }
}

/** Every problem with a pack config: unknown rules, unknown levels, and options its schema refuses. */
export function checkPolicyConfig(config: unknown, rules: readonly Rule[]): string[] {
    if (!isObject(config)) {
        return [`a policy config must be a JSON object of rule names (and "all"); got ${describe(config)}`];
    }
    const problems: string[] = [];
    const byName = new Map(rules.map((r) => [r.name, r]));
    for (const [name, entry] of Object.entries(config)) {
        if (name === "exceptions") {
            problems.push(...readExceptions(entry).problems);
            continue;
        }
        if (name === "all") {
            if (!ENFORCEMENT_LEVELS.includes(entry as EnforcementLevel)) {
                problems.push(`all must be one of ${ENFORCEMENT_LEVELS.join(", ")}; got ${shown(entry)}`);
            }
            continue;
        }
        const rule = byName.get(name);
        if (!rule) {
            problems.push(`${label(name)} is not a rule of this pack; its rules: ${[...byName.keys()].join(", ")}`);
            continue;
        }
        if (typeof entry === "string") {
            if (!ENFORCEMENT_LEVELS.includes(entry as EnforcementLevel)) {
                problems.push(`${name} must be one of ${ENFORCEMENT_LEVELS.join(", ")}; got ${shown(entry)}`);
            }
            continue;
        }
        if (!isObject(entry)) {
            problems.push(`${name} must be an enforcement level or an object of options`);
            continue;
        }
        const properties = rule.configSchema?.properties ?? {};
        for (const [option, value] of Object.entries(entry)) {
            if (option === "enforcementLevel") {
                if (!ENFORCEMENT_LEVELS.includes(value as EnforcementLevel)) {
                    problems.push(`${name}.enforcementLevel must be one of ${ENFORCEMENT_LEVELS.join(", ")}; got ${shown(value)}`);
                }
            } else if (!properties[option]) {
                const known = Object.keys(properties);
                problems.push(
                    `${name}.${label(option)} is not an option of ${name}; ${known.length ? `its options: ${known.join(", ")}` : "it has none"}`,
                );
            } else {
                checkValue(`${name}.${option}`, properties[option], value, problems);
            }
        }
    }
    return problems;
}
