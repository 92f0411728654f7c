/**
 * What `check` adds to a run: the policy pack over every registered resource. Loaded only by
 * `check`, after the program has started: the pack and its framework pull in the SDK.
 */
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { checkPolicyConfig } from "../policies/config";
import { evaluatePolicies, PolicyResource } from "../policies/evaluate";
import { exceptionWarnings, readExceptions } from "../policies/exceptions";
import { RULES } from "../policies/rules";
import { Registration, SourcePosition } from "./offlineEngine";
import { ProgramRun } from "./programRunner";
import type { Options } from "./arguments";
import { junitReport } from "./junit";
import { CheckFinding, CheckReport, checkText } from "./reports";
import { sarifReport } from "./sarif";
import { revealed } from "./values";

/** The problems of a `--policy-pack-config` document, against the pack's rules. */
export function policyConfigProblems(config: unknown): string[] {
    return checkPolicyConfig(config, RULES);
}

/**
 * Resources as the engine shows them to a policy pack: outputs with secrets unwrapped, and values
 * unknown at preview as the engine's unknown sentinel; local components carry no props.
 */
export function policyResources(registered: Registration[]): PolicyResource[] {
    return registered.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        parent: r.parent,
        props: r.custom ? (revealed(r.state ?? r.inputs) as Record<string, unknown>) : {},
        opts: { protect: r.protect, retainOnDelete: r.retainOnDelete },
    }));
}

/** Where the program declared a resource: its file relative to the project when inside it, as SARIF and people read it. */
function sourceOf(position: SourcePosition | undefined, projectDir: string): CheckFinding["source"] {
    // Saved state names a file under the project as project:///path (apitype.ResourceV3.sourcePosition).
    const inProject = /^project:\/\/\/?(.+)$/.exec(position?.uri ?? "");
    if (position && inProject) {
        return { file: decodeURIComponent(inProject[1]), line: position.line, column: position.column };
    }
    if (!position?.uri.startsWith("file:")) {
        return undefined;
    }
    const file = fileURLToPath(position.uri);
    const relative = path.relative(projectDir, file);
    const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    return { file: (inside ? relative : file).split(path.sep).join("/"), line: position.line, column: position.column };
}

/** What `check` judges: the resources of a program run, a stack export or a preview's plan. */
export interface CheckSource {
    project: string;
    stack: string;
    preview: boolean;
    registered: Registration[];
}

/** A program run as a source to check. */
export function runSource(run: ProgramRun): CheckSource {
    return {
        project: run.engine.settings.project,
        stack: run.engine.settings.stack,
        preview: run.engine.preview,
        registered: run.engine.registered,
    };
}

/** The pack's findings on the resources, each with what a report shows of its rule and its resource. */
export async function checkReport(
    source: CheckSource,
    config: Record<string, unknown>,
    projectDir: string,
    docsDir?: string,
): Promise<CheckReport> {
    const found = await evaluatePolicies(policyResources(source.registered), { config, preview: source.preview });
    const rules = new Map(RULES.map((r) => [r.name, r]));
    const byUrn = new Map(source.registered.map((r) => [r.urn, r]));
    const findings: CheckFinding[] = found.map((f) => {
        const rule = rules.get(f.policy);
        const resource = byUrn.get(f.resource ?? "");
        return {
            ...f,
            type: resource?.type,
            name: resource?.name,
            severity: rule?.severity,
            tags: rule?.tags ?? [],
            remediation: rule?.remediationSteps,
            source: sourceOf(resource?.sourcePosition, projectDir),
            ...(docsDir && { docs: pathToFileURL(path.join(docsDir, `${f.policy}.md`)).href }),
        };
    });
    const used = new Set(findings.flatMap((f) => (f.exemption ? [f.exemption.id] : [])));
    const warnings = exceptionWarnings(
        readExceptions(config.exceptions).exceptions,
        RULES.map((r) => r.name),
        used,
    );
    const violations = findings.filter((f) => !f.deferral && !f.exemption);
    const count = (level: string) => violations.filter((f) => f.level === level).length;
    const bySeverity: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const f of violations) {
        if (f.severity) {
            bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
        }
    }
    return {
        project: source.project,
        stack: source.stack,
        findings,
        counts: {
            mandatory: count("mandatory"),
            advisory: count("advisory"),
            remediate: count("remediate"),
            deferred: findings.filter((f) => f.deferral).length,
            exempted: findings.filter((f) => f.exemption).length,
            bySeverity,
        },
        exceptionWarnings: warnings,
    };
}

/** The report in the format asked for. */
export function formatted(
    report: CheckReport,
    options: Pick<Options, "format" | "failOn" | "dir">,
    run: { exitCode: number; warnings: string[]; version: string; docsDir?: string },
): string {
    switch (options.format) {
        case "json":
            return JSON.stringify({ ...report, exitCode: run.exitCode, warnings: run.warnings }, null, 2);
        case "sarif":
            return JSON.stringify(sarifReport(report, RULES, run.version, options.dir, run.docsDir), null, 2);
        case "junit":
            return junitReport(report, RULES, options.failOn);
        default:
            return checkText(report, options.failOn);
    }
}
