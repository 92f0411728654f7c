/**
 * A rule's page, written from the rule's own metadata (level, severity, options, compliance tags,
 * fix) and its note (why, the fact, examples): each fact stated once, in the rule or in the note.
 * `npm run docs:rules` writes the pages; test/policies/ruleDocs.test.ts holds them to this.
 */
import type { Rule } from "../rules";
import { RULE_NOTES } from "./notes";

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchor(heading: string): string {
    return heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
}

function optionRows(rule: Rule): string[] {
    const properties = Object.entries(rule.configSchema?.properties ?? {});
    if (properties.length === 0) {
        return ["None: the rule takes only its enforcement level."];
    }
    return [
        "| option | type | default | what it sets |",
        "| ------ | ---- | ------- | ------------ |",
        ...properties.map(([name, schema]) => {
            const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
            const fallback = schema.default === undefined ? "none" : `\`${JSON.stringify(schema.default)}\``;
            return `| \`${name}\` | ${type} | ${fallback} | ${(schema.description ?? "").replace(/\|/g, "\\|")} |`;
        }),
    ];
}

export function rulePage(rule: Rule): string {
    const note = RULE_NOTES[rule.name];
    if (!note) {
        throw new Error(`${rule.name} has no note in policies/docs/notes.ts`);
    }
    const config = `{ "${rule.name}": ${rule.configSchema && Object.keys(rule.configSchema.properties).length > 0 ? '{ "enforcementLevel": "mandatory", ... }' : '"mandatory"'} }`;
    return [
        `# ${rule.name}`,
        "",
        rule.description,
        "",
        `Default level: **${rule.enforcementLevel}**. Severity: **${rule.severity}**. Set it in a policy config as \`${config}\`.`,
        "",
        "## Why",
        "",
        note.why,
        "",
        "## The fact behind it",
        "",
        `[reference/emr.md, ${note.fact.replace(/`/g, "")}](../reference/emr.md#${anchor(note.fact)}), with its sources.`,
        "",
        "## How to fix it",
        "",
        rule.remediationSteps ?? "",
        "",
        "In Python, the components take the same arguments in snake_case (`instance_profile_role_arn`).",
        "",
        "## Non-compliant",
        "",
        "```ts",
        note.bad,
        "```",
        "",
        "## Compliant",
        "",
        "```ts",
        note.good,
        "```",
        "",
        "## Options",
        "",
        ...optionRows(rule),
        "",
        "## Compliance",
        "",
        (rule.tags ?? []).map((t) => `\`${t}\``).join(", "),
        "",
    ].join("\n");
}
