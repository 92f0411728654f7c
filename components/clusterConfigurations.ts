/**
 * EMR cluster configuration objects (`Classification`, `Properties`, `Configurations`, as the API
 * and `aws.emr.Cluster`'s `configurationsJson` take them), and merging lists of them.
 */
import { quote } from "../policies/model";

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
    Properties: Record<string, { value: string; from: string }>;
    Configurations: ClusterConfiguration[];
    hasProperties: boolean;
}

/**
 * Combines lists of cluster configurations: the properties of one classification are merged, and a
 * property given two different values is refused, naming both. The result has each classification
 * once, in the order first seen, with sorted properties and no empty `Configurations`.
 */
export function mergeClusterConfigurations(...lists: ClusterConfiguration[][]): ClusterConfiguration[] {
    const problems: string[] = [];
    const merged = mergeInto(
        lists.flatMap((list, i) => (Array.isArray(list) ? list.map((c, j) => ({ c, from: `lists[${i}][${j}]` })) : [])),
        problems,
    );
    if (problems.length > 0) {
        throw new Error(`Cannot merge cluster configurations:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    return merged;
}

function mergeInto(items: { c: ClusterConfiguration; from: string }[], problems: string[]): ClusterConfiguration[] {
    const byClassification = new Map<string, Merging>();
    for (const { c, from } of items) {
        if (typeof c !== "object" || c === null || typeof c.Classification !== "string") {
            problems.push(`${from} must be an object with a Classification`);
            continue;
        }
        let entry = byClassification.get(c.Classification);
        if (!entry) {
            entry = { Classification: c.Classification, Properties: {}, Configurations: [], hasProperties: false };
            byClassification.set(c.Classification, entry);
        }
        if (c.Properties !== undefined) {
            entry.hasProperties = true;
        }
        for (const [key, value] of Object.entries(c.Properties ?? {})) {
            const seen = entry.Properties[key];
            if (seen && seen.value !== value) {
                problems.push(
                    `${c.Classification} ${key} is ${quote(seen.value)} in ${seen.from} and ${quote(String(value))} in ${from}: keep one value`,
                );
            } else if (!seen) {
                entry.Properties[key] = { value: String(value), from };
            }
        }
        entry.Configurations.push(...(c.Configurations ?? []));
    }
    return [...byClassification.values()].map((entry) => {
        const out: ClusterConfiguration = { Classification: entry.Classification };
        if (entry.hasProperties) {
            out.Properties = sortedProperties(Object.fromEntries(Object.entries(entry.Properties).map(([k, v]) => [k, v.value])));
        }
        const nested = mergeInto(
            entry.Configurations.map((c, i) => ({ c, from: `${entry.Classification}.Configurations[${i}]` })),
            problems,
        );
        if (nested.length > 0) {
            out.Configurations = nested;
        }
        return out;
    });
}
