/** What `synth` and `check` print, built from a program run; text for people, JSON for tools. */
import type { FAIL_ON } from "./arguments";
import type { PolicyFinding } from "../policies/findings";
import { parseSecurityConfiguration } from "../policies/model";
import { SECURITY_CONFIGURATION_TYPES, securityConfigurationOf } from "../policies/resources";
import { ProgramRun } from "./programRunner";
import { masked, MASK } from "./values";

export interface SynthReport {
    project: string;
    stack: string;
    settings: { region: string; accountId: string; partition: string };
    resources: { urn: string; type: string; name: string; parent?: string }[];
    securityConfigurations: { urn: string; name: unknown; document: unknown }[];
    outputs: Record<string, unknown>;
}

export function synthReport(run: ProgramRun): SynthReport {
    const { project, stack, region, accountId, partition } = run.engine.settings;
    const registered = run.engine.registered;
    return {
        project,
        stack,
        settings: { region, accountId, partition },
        resources: registered.map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent })),
        securityConfigurations: registered
            .filter((r) => SECURITY_CONFIGURATION_TYPES.includes(r.type))
            .map((r) => {
                const state = masked(r.state ?? r.inputs) as Record<string, unknown>;
                const raw = securityConfigurationOf(r.type, state);
                const parsed = raw === MASK ? undefined : parseSecurityConfiguration(raw).document;
                return { urn: r.urn, name: state.name, document: parsed ?? raw };
            }),
        outputs: Object.fromEntries(Object.entries(run.outputs).map(([k, o]) => [k, o.secret ? MASK : masked(o.value)])),
    };
}

export function synthText(report: SynthReport): string {
    const lines = [
        `Project ${report.project}, stack ${report.stack} (${report.settings.region}, account ${report.settings.accountId}, ${report.settings.partition}), offline`,
    ];
    lines.push("", `Resources (${report.resources.length}):`);
    const children = (parent?: string) =>
        report.resources.filter((r) => r.parent === parent || (!parent && !report.resources.some((p) => p.urn === r.parent)));
    const walk = (parent: string | undefined, depth: number) => {
        for (const r of children(parent)) {
            lines.push(`${"  ".repeat(depth + 1)}${r.type}  ${r.name}`);
            walk(r.urn, depth + 1);
        }
    };
    walk(undefined, 0);
    for (const sc of report.securityConfigurations) {
        lines.push(
            "",
            `EMR security configuration ${sc.urn.split("::").pop()} (name ${String(sc.name)}):`,
            JSON.stringify(sc.document, null, 2),
        );
    }
    if (Object.keys(report.outputs).length > 0) {
        lines.push("", "Outputs:");
        for (const [key, value] of Object.entries(report.outputs)) {
            lines.push(`  ${key}: ${value === undefined ? "(not set)" : typeof value === "string" ? value : JSON.stringify(value)}`);
        }
    }
    return lines.join("\n");
}

/** A finding as the reports show it: the pack's finding, with its rule's metadata and its resource's. */
export interface CheckFinding extends PolicyFinding {
    type?: string;
    name?: string;
    severity?: string;
    /** The rule's compliance tags (`nist-800-53-r5:SC-28`, `pci-dss:3.4`...). */
    tags: string[];
    remediation?: string;
    /** The rule's page in the installed package (`policies/docs/<rule>.md`), as a file URL. */
    docs?: string;
    /** Where the program declared the resource: the file relative to the project, 1-based line and column. */
    source?: { file: string; line: number; column: number };
}

export interface CheckReport {
    project: string;
    stack: string;
    findings: CheckFinding[];
    /**
     * Violations by level and by severity, exempted and deferred ones apart: an exempted violation
     * does not count against the run, and a deferral is a check that waits for values known at update.
     */
    counts: {
        mandatory: number;
        advisory: number;
        remediate: number;
        deferred: number;
        exempted: number;
        bySeverity: Record<string, number>;
    };
    /** Exceptions that name a rule the pack lacks, or exempted nothing: stale waivers. */
    exceptionWarnings: string[];
}

/** `--fail-on`: the lowest level of violation that fails the run, or never. */
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a violation at this level fails the run at this threshold; remediated ones never do. */
export function failsRun(level: CheckFinding["level"], failOn: FailOn): boolean {
    return failOn !== "never" && (level === "mandatory" || (failOn === "advisory" && level === "advisory"));
}

/** Whether the run fails at this threshold: exempted findings and deferrals never do, and are not counted. */
export function failsAt(report: CheckReport, failOn: FailOn): boolean {
    const { mandatory, advisory } = report.counts;
    return (mandatory > 0 && failsRun("mandatory", failOn)) || (advisory > 0 && failsRun("advisory", failOn));
}

/** One line for a resource's deferrals: which rules wait, and for which unknown inputs. */
function deferredLine(deferred: CheckReport["findings"]): string {
    const rules = [...new Set(deferred.map((f) => f.deferral!.policy))];
    const inputs = [...new Set(deferred.map((f) => f.deferral!.unknown).filter((u): u is string => u !== undefined))];
    const waiting = inputs.length > 0 ? ` wait for ${inputs.join(", ")}` : " wait for values";
    return `  deferred  ${rules.join(", ")}:${waiting}, known only once deployed; they run at update`;
}

export function checkText(report: CheckReport, failOn: FailOn = "mandatory"): string {
    const lines: string[] = [];
    const groups = new Map<string, CheckReport["findings"]>();
    for (const f of report.findings) {
        const at = f.source ? `  (${f.source.file}:${f.source.line})` : "";
        const key = f.resource ? `${f.type}  ${f.name}${at}` : "(the stack)";
        groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [resource, findings] of groups) {
        lines.push(resource);
        for (const f of findings.filter((f) => !f.deferral)) {
            const level = f.exemption ? "exempted" : f.level;
            lines.push(`  ${level.padEnd(9)} ${f.policy}: ${f.message.replace(/\n/g, "\n      ")}`);
            if (f.exemption) {
                lines.push(`            by exception ${f.exemption.id}: ${f.exemption.reason}`);
            } else if (f.remediation && f.level !== "remediate") {
                lines.push(`            fix: ${f.remediation}`);
            }
        }
        const deferred = findings.filter((f) => f.deferral);
        if (deferred.length > 0) {
            lines.push(deferredLine(deferred));
        }
        lines.push("");
    }
    for (const warning of report.exceptionWarnings) {
        lines.push(`warning: ${warning}`);
    }
    const { mandatory, advisory, deferred, exempted } = report.counts;
    const waiting = deferred > 0 ? `; ${deferred} checks deferred until values are known` : "";
    const waived = exempted > 0 ? `; ${exempted} exempted by exceptions` : "";
    const where = `${report.project}/${report.stack}`;
    lines.push(
        failsAt(report, failOn)
            ? `${mandatory} mandatory and ${advisory} advisory findings in ${where}${waived}${waiting}: not compliant.`
            : mandatory > 0
              ? `${mandatory} mandatory findings in ${where}${waived}${waiting}: reported, not failing (--fail-on ${failOn}).`
              : `No mandatory finding in ${where}${advisory ? ` (${advisory} advisory)` : ""}${waived}${waiting}: compliant.`,
    );
    return lines.join("\n");
}
