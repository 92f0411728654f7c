/**
 * What `check` adds to a run: the policy pack over every registered resource. Loaded only by
 * `check`, after the program has started: the pack and its framework pull in the SDK.
 */
import { checkPolicyConfig } from "../policies/config";
import { evaluatePolicies, PolicyResource } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import { Registration } from "./offlineEngine";
import { ProgramRun } from "./programRunner";
import type { CheckReport } from "./reports";
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

export async function checkReport(run: ProgramRun, config: Record<string, unknown>): Promise<CheckReport> {
    const found = await evaluatePolicies(policyResources(run.engine.registered), { config, preview: run.engine.preview });
    const remediation = new Map(RULES.map((r) => [r.name, r.remediationSteps]));
    const byUrn = new Map(run.engine.registered.map((r) => [r.urn, r]));
    const findings = found.map((f) => ({
        ...f,
        remediation: remediation.get(f.policy),
        type: byUrn.get(f.resource ?? "")?.type,
        name: byUrn.get(f.resource ?? "")?.name,
    }));
    const count = (level: string) => findings.filter((f) => f.level === level && !f.deferral).length;
    return {
        project: run.engine.settings.project,
        stack: run.engine.settings.stack,
        findings,
        counts: {
            mandatory: count("mandatory"),
            advisory: count("advisory"),
            remediate: count("remediate"),
            deferred: findings.filter((f) => f.deferral).length,
        },
    };
}
