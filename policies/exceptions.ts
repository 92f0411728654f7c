/**
 * Policy exceptions as Pulumi defines them for a local policy pack config file (public preview):
 * under `exceptions`, each exception keyed by its id (`EXC-42`), with a `reason` and `match`
 * entries of `policies` and `targets` (resource URNs). A violation is exempted when its policy and
 * its resource's URN appear in the same entry; it does not fail the run, and is reported as
 * exempted with the exception's id and reason. The limits are those Pulumi Cloud states for the
 * same fields: a reason of 1 to 2048 characters, 1 to 100 entries, each with 1 to 100 policies
 * and 1 to 100 URNs of at most 2048 characters.
 * Sources: Pulumi docs, "Policy exceptions"; Pulumi Cloud REST API schemas PolicyException,
 * PolicyExceptionMatch and AppPolicyEventException ("the exception's key in the policy pack's
 * exceptions map").
 */
import { describe, isObject, listed, quote } from "./model";

export interface PolicyException {
    id: string;
    reason: string;
    match: { policies: string[]; targets: string[] }[];
}

/** How a finding was exempted. */
export interface Exemption {
    id: string;
    reason: string;
}

const MAX_ENTRIES = 100;
const MAX_TEXT = 2048;

function stringList(value: unknown, at: string, what: string, problems: string[]): string[] {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ENTRIES) {
        problems.push(`${at} must list 1 to ${MAX_ENTRIES} ${what}; got ${describe(value)}`);
        return [];
    }
    const bad = value.filter((v) => typeof v !== "string" || v.trim() === "" || v.length > MAX_TEXT);
    if (bad.length > 0) {
        problems.push(`${at} must hold non-blank ${what} of at most ${MAX_TEXT} characters; got ${describe(bad[0])}`);
    }
    return value.filter((v): v is string => typeof v === "string");
}

/** The exceptions of a config's `exceptions` value, and every problem with their shape. */
export function readExceptions(value: unknown): { exceptions: PolicyException[]; problems: string[] } {
    if (value === undefined) {
        return { exceptions: [], problems: [] };
    }
    if (!isObject(value)) {
        return { exceptions: [], problems: [`exceptions must be an object of exceptions by id; got ${describe(value)}`] };
    }
    const problems: string[] = [];
    const exceptions: PolicyException[] = [];
    for (const [id, entry] of Object.entries(value)) {
        const at = `exceptions[${quote(id)}]`;
        if (!isObject(entry)) {
            problems.push(`${at} must be an object with reason and match; got ${describe(entry)}`);
            continue;
        }
        const unknown = Object.keys(entry).filter((k) => k !== "reason" && k !== "match");
        if (unknown.length > 0) {
            problems.push(`${at} has ${listed(unknown.map(quote), ", ")}, which an exception does not take (reason, match)`);
        }
        const { reason, match } = entry;
        if (typeof reason !== "string" || reason.trim() === "" || reason.length > MAX_TEXT) {
            problems.push(`${at}.reason must say why, in 1 to ${MAX_TEXT} characters; got ${describe(reason)}`);
        }
        if (!Array.isArray(match) || match.length === 0 || match.length > MAX_ENTRIES) {
            problems.push(`${at}.match must list 1 to ${MAX_ENTRIES} entries of policies and targets; got ${describe(match)}`);
            continue;
        }
        const entries = match.map((m, i) => {
            if (!isObject(m)) {
                problems.push(`${at}.match[${i}] must be an object with policies and targets; got ${describe(m)}`);
                return { policies: [], targets: [] };
            }
            return {
                policies: stringList(m.policies, `${at}.match[${i}].policies`, "policy names", problems),
                targets: stringList(m.targets, `${at}.match[${i}].targets`, "resource URNs", problems),
            };
        });
        exceptions.push({ id, reason: typeof reason === "string" ? reason : "", match: entries });
    }
    return { exceptions, problems };
}

/** The first exception that exempts a violation of `policy` on the resource `urn`, if any. */
export function exemptionOf(exceptions: readonly PolicyException[], policy: string, urn: string | undefined): Exemption | undefined {
    const exception =
        urn === undefined ? undefined : exceptions.find((e) => e.match.some((m) => m.policies.includes(policy) && m.targets.includes(urn)));
    return exception && { id: exception.id, reason: exception.reason };
}

/**
 * What makes an exception worth a second look, since stale waivers are how exceptions rot: a policy
 * the pack does not have, and an entry that exempted nothing in this run.
 */
export function exceptionWarnings(
    exceptions: readonly PolicyException[],
    ruleNames: readonly string[],
    used: ReadonlySet<string>,
): string[] {
    const warnings: string[] = [];
    for (const exception of exceptions) {
        const unknown = [...new Set(exception.match.flatMap((m) => m.policies))].filter((p) => !ruleNames.includes(p));
        if (unknown.length > 0) {
            warnings.push(`exception ${quote(exception.id)} names ${listed(unknown.map(quote), ", ")}, not a rule of this pack`);
        }
        if (!used.has(exception.id)) {
            warnings.push(`exception ${quote(exception.id)} exempted nothing in this run: remove it, or fix its policies and targets`);
        }
    }
    return warnings;
}
