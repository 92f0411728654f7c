/**
 * `evaluatePolicies` for the library entry: the policy framework and the rules load on the first
 * call, so importing the package costs no more than the SDK modules the components use.
 */
import type { EvaluateOptions, PolicyFinding, PolicyResource } from "./findings";

export type { EvaluateOptions, PolicyFinding, PolicyResource } from "./findings";
export { UNKNOWN } from "./unknown";

/** Runs the pack's rules in process; see `./evaluate` for the semantics. */
export async function evaluatePolicies(resources: PolicyResource[], options: EvaluateOptions = {}): Promise<PolicyFinding[]> {
    const evaluate = await import("./evaluate");
    return evaluate.evaluatePolicies(resources, options);
}
