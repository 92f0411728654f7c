/**
 * A deferral: a check that cannot decide at preview because a value it needs is unknown until the
 * stack is deployed. The policy host words every such finding "can't run policy 'X' [from policy
 * pack 'P'] during preview: ..."; the pack's own deferrals (a rule that judges what is known and
 * defers only the part that waits on a value) use the same words, so that every report, the
 * host's and ours, can tell a deferral from advice.
 */

const DEFERRAL = /^can't run policy '([^']+)'(?: from policy pack '[^']+')? during preview: /;
const UNKNOWN_AT = /value at (\.\S+) can't be known during preview/;

/** What a deferral waits for: the rule it holds back and, where the message says, the unknown input. */
export interface Deferral {
    policy: string;
    /** The property path whose value is unknown, as `.configuration` or `.clusterId`. */
    unknown?: string;
}

/** A deferral's message for a rule, with the host's words; `why` should say which value is unknown. */
export function deferralMessage(policy: string, why: string): string {
    return `can't run policy '${policy}' during preview: ${why}`;
}

/** The deferral a finding's message states, if it is one. */
export function deferralOf(message: string): Deferral | undefined {
    const rule = DEFERRAL.exec(message);
    if (!rule) {
        return undefined;
    }
    const unknown = UNKNOWN_AT.exec(message)?.[1];
    return unknown === undefined ? { policy: rule[1] } : { policy: rule[1], unknown };
}
