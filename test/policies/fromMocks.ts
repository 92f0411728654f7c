/** The resources a mocked program registered, as the policy engine would show them to the pack. */
import { policyResources as fromRegistrations } from "../../cli/checking";
import { PolicyResource } from "../../policies/evaluate";
import { ProviderLikeMocks } from "../mocks";

/** Outputs with secrets unwrapped and, at preview, unknowns as the engine's sentinel. */
export function policyResources(mocks: ProviderLikeMocks): PolicyResource[] {
    return fromRegistrations(mocks.registered);
}
