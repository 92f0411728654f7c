/** The resources a mocked program registered, as the policy engine would show them to the pack. */
import * as pulumi from "@pulumi/pulumi";
import { PolicyResource, UNKNOWN } from "../../policies/evaluate";
import { ProviderLikeMocks } from "../mocks";

/** Plain values: secrets unwrapped (as the engine hands them to policies), unknowns as the sentinel. */
function plain(value: unknown): unknown {
    if (pulumi.isUnknown(value)) {
        return UNKNOWN;
    }
    const unwrapped = pulumi.runtime.unwrapRpcSecret(value);
    if (Array.isArray(unwrapped)) {
        return unwrapped.map(plain);
    }
    if (typeof unwrapped === "object" && unwrapped !== null && Object.getPrototypeOf(unwrapped) === Object.prototype) {
        return Object.fromEntries(Object.entries(unwrapped).map(([k, v]) => [k, plain(v)]));
    }
    return unwrapped;
}

/** Custom resources with their outputs (what stack policies see); components are local, so their props are empty. */
export function policyResources(mocks: ProviderLikeMocks): PolicyResource[] {
    return mocks.registered.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        parent: r.parent,
        props: r.type.startsWith("emr-security:") ? {} : (plain(r.state ?? r.inputs) as Record<string, unknown>),
        opts: { protect: r.protect, retainOnDelete: r.retainOnDelete },
    }));
}
