/**
 * Property values as the engine receives them: secrets arrive wrapped in the SDK's secret
 * signature, and values unknown at preview as the SDK's unknown.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isSecretEnvelope } from "../policies/secrets";
import { UNKNOWN } from "../policies/unknown";

let sdk: typeof pulumi | undefined;

/** The SDK's test for its unknown value; the SDK loads when first needed, after the engine has loaded it. */
function isUnknown(value: unknown): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk ??= require("@pulumi/pulumi") as typeof pulumi;
    return sdk.isUnknown(value);
}

export const MASK = "[secret]";
export const SHOWN_UNKNOWN = "[unknown]";

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function mapValues(value: unknown, secret: (inner: unknown) => unknown, unknown: unknown): unknown {
    if (isUnknown(value) || value === UNKNOWN) {
        return unknown;
    }
    if (isSecretEnvelope(value)) {
        return secret(value.value);
    }
    if (Array.isArray(value)) {
        return value.map((v) => mapValues(v, secret, unknown));
    }
    if (isPlainObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapValues(v, secret, unknown)]));
    }
    return value;
}

/** For people: every secret replaced by a mask, every unknown shown as such. */
export function masked(value: unknown): unknown {
    return mapValues(value, () => MASK, SHOWN_UNKNOWN);
}

/** For policies, which the engine hands plain values: every secret unwrapped, unknowns as the engine's sentinel. */
export function revealed(value: unknown): unknown {
    return mapValues(value, (inner) => revealed(inner), UNKNOWN);
}
