/**
 * EMR cluster configuration objects (`Classification`, `Properties`, `Configurations`, as the API
 * and `aws.emr.Cluster`'s `configurationsJson` take them), and merging lists of them.
 */
import { describe, Problem, quote } from "../policies/model";
import { throwIfProblems } from "./invalidArguments";

export interface ClusterConfiguration {
    Classification: string;
    Properties?: Record<string, string>;
    Configurations?: ClusterConfiguration[];
}

/** A property map with its keys sorted, so that `configurationsJson` stays the same string for the same settings. */
export function sortedProperties(properties: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface Merging {
    Classification: string;
    /** A map, not an object: a property may be called `constructor` or `__proto__`. */
    Properties: Map<string, { value: string; from: string }>;
    /** Nested configurations, each with where the user wrote it. */
    Configurations: { c: ClusterConfiguration; from: string }[];
    hasProperties: boolean;
}

/** A list as given: configuration objects, or their JSON text (such as the baseline's `clusterConfigurationsJson`). */
function listOf(list: unknown, at: string, problems: Problem[]): unknown[] {
    if (typeof list === "string") {
        try {
            const parsed: unknown = JSON.parse(list);
            if (Array.isArray(parsed)) {
                return parsed;
            }
        } catch {
            // Named below.
        }
        problems.push({
            path: at,
            code: "not-json",
            message: `${at} is text but not a JSON list of configurations: give the list, or its JSON text`,
        });
        return [];
    }
    if (!Array.isArray(list)) {
        problems.push({
            path: at,
            code: "wrong-type",
            message: `${at} must be a list of configurations, or its JSON text; got ${describe(list)}`,
        });
        return [];
    }
    return list;
}

/**
 * Combines lists of cluster configurations: the properties of one classification are merged, and a
 * property given two different values is refused, naming both where the caller wrote them. A list
 * may be given as JSON text. The result has each classification once, in the order first seen,
 * with sorted properties and no empty `Configurations`.
 */
export function mergeClusterConfigurations(...lists: (ClusterConfiguration[] | string)[]): ClusterConfiguration[] {
    const problems: Problem[] = [];
    const merged = mergeInto(
        lists.flatMap((list, i) =>
            listOf(list, `lists[${i}]`, problems).map((c, j) => ({ c: c as ClusterConfiguration, from: `lists[${i}][${j}]` })),
        ),
        problems,
    );
    throwIfProblems("Cannot merge cluster configurations", problems);
    return merged;
}

function mergeInto(items: { c: ClusterConfiguration; from: string }[], problems: Problem[]): ClusterConfiguration[] {
    const byClassification = new Map<string, Merging>();
    for (const { c, from } of items) {
        if (typeof c !== "object" || c === null || typeof c.Classification !== "string") {
            problems.push({ path: from, code: "wrong-type", message: `${from} must be an object with a Classification` });
            continue;
        }
        let entry = byClassification.get(c.Classification);
        if (!entry) {
            entry = { Classification: c.Classification, Properties: new Map(), Configurations: [], hasProperties: false };
            byClassification.set(c.Classification, entry);
        }
        if (c.Properties !== undefined) {
            entry.hasProperties = true;
        }
        for (const [key, value] of Object.entries(c.Properties ?? {})) {
            if (typeof value !== "string") {
                problems.push({
                    path: `${from}.Properties[${quote(key)}]`,
                    code: "wrong-type",
                    message: `${from} ${c.Classification} ${quote(key)} must be a string (the provider decodes Properties as strings and refuses anything else); got ${describe(value)}`,
                });
                continue;
            }
            const seen = entry.Properties.get(key);
            if (seen && seen.value !== value) {
                problems.push({
                    path: `${from}.Properties[${quote(key)}]`,
                    code: "conflicting-arguments",
                    message: `${c.Classification} ${quote(key)} is ${quote(seen.value)} in ${seen.from} and ${quote(value)} in ${from}: keep one value`,
                });
            } else if (!seen) {
                entry.Properties.set(key, { value, from });
            }
        }
        (Array.isArray(c.Configurations) ? c.Configurations : []).forEach((nested, j) =>
            entry.Configurations.push({ c: nested, from: `${from}.Configurations[${j}]` }),
        );
    }
    return [...byClassification.values()].map((entry) => {
        const out: ClusterConfiguration = { Classification: entry.Classification };
        if (entry.hasProperties) {
            out.Properties = sortedProperties(Object.fromEntries([...entry.Properties].map(([k, v]) => [k, v.value])));
        }
        const nested = mergeInto(entry.Configurations, problems);
        if (nested.length > 0) {
            out.Configurations = nested;
        }
        return out;
    });
}
