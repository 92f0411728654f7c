/**
 * A rule's options, each declared once: its JSON schema, whose `default` is also the value the rule
 * runs with when the pack config leaves it out. The config schema the policy host shows and the
 * runtime defaults both come from the declaration, so they cannot drift apart.
 */
import { PolicyConfigSchema } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** One option: its schema, and its default's type. */
export interface Option<T> {
    schema: PolicyConfigJSONSchema;
    default: T;
}

/** An option with a default, which the schema states and the rule runs with. */
export function option<T>(schema: Omit<PolicyConfigJSONSchema, "default"> & { default: T }): Option<T> {
    return { schema: schema as PolicyConfigJSONSchema, default: schema.default };
}

/** An option with no default: left out, the rule runs without it. */
export function optionalOption<T>(schema: Omit<PolicyConfigJSONSchema, "default">): Option<T | undefined> {
    return { schema: schema as PolicyConfigJSONSchema, default: undefined };
}

type Defaults<O> = { [K in keyof O]: O[K] extends Option<infer T> ? T : never };

/** The config schema and the runtime defaults of a rule's options. */
export function ruleOptions<O extends Record<string, Option<unknown>>>(
    options: O,
): { configSchema: PolicyConfigSchema; defaults: Defaults<O> } {
    const properties: Record<string, PolicyConfigJSONSchema> = {};
    const defaults: Record<string, unknown> = {};
    for (const [name, { schema, default: value }] of Object.entries(options)) {
        properties[name] = schema;
        defaults[name] = value;
    }
    return { configSchema: { properties }, defaults: defaults as Defaults<O> };
}
