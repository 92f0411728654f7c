/** What `synth` and `check` print, built from a program run; text for people, JSON for tools. */
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

export interface CheckReport {
    project: string;
    stack: string;
    findings: (PolicyFinding & { remediation?: string; type?: string; name?: string })[];
    /** Findings by level; deferrals (checks that wait for values known at update) apart from advisories. */
    counts: { mandatory: number; advisory: number; remediate: number; deferred: number };
}

/** One line for a resource's deferrals: which rules wait, and for which unknown inputs. */
function deferredLine(deferred: CheckReport["findings"]): string {
    const rules = [...new Set(deferred.map((f) => f.deferral!.policy))];
    const inputs = [...new Set(deferred.map((f) => f.deferral!.unknown).filter((u): u is string => u !== undefined))];
    const waiting = inputs.length > 0 ? ` wait for ${inputs.join(", ")}` : " wait for values";
    return `  deferred  ${rules.join(", ")}:${waiting}, known only once deployed; they run at update`;
}

export function checkText(report: CheckReport): string {
    const lines: string[] = [];
    const groups = new Map<string, CheckReport["findings"]>();
    for (const f of report.findings) {
        const key = f.resource ? `${f.type}  ${f.name}` : "(the stack)";
        groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [resource, findings] of groups) {
        lines.push(resource);
        for (const f of findings.filter((f) => !f.deferral)) {
            lines.push(`  ${f.level.padEnd(9)} ${f.policy}: ${f.message.replace(/\n/g, "\n      ")}`);
            if (f.remediation && f.level !== "remediate") {
                lines.push(`            fix: ${f.remediation}`);
            }
        }
        const deferred = findings.filter((f) => f.deferral);
        if (deferred.length > 0) {
            lines.push(deferredLine(deferred));
        }
        lines.push("");
    }
    const { mandatory, advisory, deferred } = report.counts;
    const waiting = deferred > 0 ? `; ${deferred} checks deferred until values are known` : "";
    lines.push(
        mandatory > 0
            ? `${mandatory} mandatory and ${advisory} advisory findings in ${report.project}/${report.stack}${waiting}: not compliant.`
            : `No mandatory finding in ${report.project}/${report.stack}${advisory ? ` (${advisory} advisory)` : ""}${waiting}: compliant.`,
    );
    return lines.join("\n");
}
