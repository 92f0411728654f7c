/**
 * `check --format sarif`: SARIF 2.1.0, as GitHub code scanning, Azure DevOps and GitLab read it.
 * One run; the pack's rules in `tool.driver.rules`; one result per finding, at the resource's URN
 * (a logical location) and, where the program's source position is known, its file and line.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Rule } from "../policies/rules";
import type { CheckFinding, CheckReport } from "./reports";

/**
 * GitHub's `security-severity` scale (critical at 9.0 and above, high 7.0, medium 4.0, low 0.1):
 * each severity at the middle of its band.
 */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" };

/** A finding's SARIF level: a mandatory violation an error, an advisory a warning, a remediation a note. */
const LEVEL: Record<CheckFinding["level"], string> = { mandatory: "error", advisory: "warning", remediate: "note" };

/** A rule's page, when the package ships it: its address, and its text for viewers that show help inline. */
function page(rule: Rule, docsDir: string | undefined): { helpUri?: string; markdown?: string } {
    const file = docsDir && path.join(docsDir, `${rule.name}.md`);
    return file && fs.existsSync(file) ? { helpUri: pathToFileURL(file).href, markdown: fs.readFileSync(file, "utf8") } : {};
}

function driverRule(rule: Rule, docsDir: string | undefined) {
    const { helpUri, markdown } = page(rule, docsDir);
    return {
        id: rule.name,
        name: rule.name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: rule.description },
        fullDescription: { text: rule.remediationSteps ? `${rule.description} ${rule.remediationSteps}` : rule.description },
        ...(helpUri && { helpUri }),
        ...(rule.remediationSteps && { help: { text: rule.remediationSteps, ...(markdown && { markdown }) } }),
        defaultConfiguration: { level: rule.enforcementLevel === "mandatory" ? "error" : "warning" },
        properties: {
            tags: ["security", ...(rule.tags ?? [])],
            ...(rule.severity && { "security-severity": SECURITY_SEVERITY[rule.severity], severity: rule.severity }),
        },
    };
}

function result(finding: CheckFinding, ruleIndex: number) {
    const logical = finding.resource
        ? [{ fullyQualifiedName: finding.resource, name: finding.name, kind: "resource" }]
        : [{ fullyQualifiedName: "(the stack)", kind: "module" }];
    const physical = finding.source && {
        artifactLocation: { uri: finding.source.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "PROJECTROOT" },
        region: { startLine: finding.source.line, startColumn: finding.source.column },
    };
    return {
        ruleId: finding.policy,
        ruleIndex,
        // A deferral is no verdict: the check waits for a value unknown at preview.
        ...(finding.deferral ? { kind: "open", level: "none" } : { kind: "fail", level: LEVEL[finding.level] }),
        message: { text: finding.message },
        locations: [{ ...(physical && { physicalLocation: physical }), logicalLocations: logical }],
        ...(finding.exemption && {
            suppressions: [
                {
                    kind: "external",
                    status: "accepted",
                    justification: finding.exemption.reason,
                    properties: { exceptionId: finding.exemption.id },
                },
            ],
        }),
        properties: { resourceType: finding.type, tags: finding.tags },
    };
}

export function sarifReport(report: CheckReport, rules: readonly Rule[], version: string, projectDir: string, docsDir?: string) {
    const index = new Map(rules.map((r, i) => [r.name, i]));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "emr-security", semanticVersion: version, rules: rules.map((r) => driverRule(r, docsDir)) } },
                originalUriBaseIds: { PROJECTROOT: { uri: pathToFileURL(path.resolve(projectDir) + path.sep).href } },
                automationDetails: { id: `emr-security/${report.project}/${report.stack}/` },
                results: report.findings.map((f) => result(f, index.get(f.policy) ?? -1)),
            },
        ],
    };
}
