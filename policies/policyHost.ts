/**
 * The one place that relies on what `@pulumi/policy` marks internal: the proxy its policy host puts
 * around props, the error that proxy throws for a value unknown at preview, and the host's reading
 * of `isType`. The pack defers checks by throwing that error, and the in-process evaluator
 * reproduces the host with it. `package.json` pins `@pulumi/policy` to the minor release these are
 * tested with (test/policies/policyHost.test.ts runs them through the real host); a release that
 * drops them fails here at load, by name, instead of deep inside a rule.
 */

/** What the host's proxy throws when a rule reads a value unknown at preview. */
export interface UnknownValue extends Error {
    unknownTypeSentinel: unknown;
    props: string[];
}

interface Internals {
    unknownCheckingProxy<T>(props: T): T;
    UnknownValueError: new (unknownTypeSentinel: unknown, props: string[]) => UnknownValue;
    /** The property the host's proxy answers with the object it wraps. */
    getSpecialProxyTarget: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const framework = require("@pulumi/policy") as Partial<Internals>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as Partial<Internals>;
if (
    typeof framework.unknownCheckingProxy !== "function" ||
    typeof framework.UnknownValueError !== "function" ||
    typeof proxy.getSpecialProxyTarget !== "string"
) {
    throw new Error(
        "@pulumi/policy no longer has unknownCheckingProxy, UnknownValueError and getSpecialProxyTarget, which this pack is tested with (1.21.x): install the version package.json pins",
    );
}
const TARGET = proxy.getSpecialProxyTarget;

/** The host's error for a value unknown at preview; it reports it as "can't run policy ... during preview". */
export const UnknownValueError: Internals["UnknownValueError"] = framework.UnknownValueError;

/** Props as the host hands them to rules: reading a value unknown at preview throws `UnknownValueError`. */
export const unknownCheckingProxy: Internals["unknownCheckingProxy"] = framework.unknownCheckingProxy;

/**
 * The plain object behind the host's proxy (or the value itself when it is not proxied): what a
 * remediation copies, so that copying does not read, and trip on, values unknown at preview.
 */
export function withoutProxy<T extends object>(props: T): T {
    const target = (props as Record<string, unknown>)[TARGET];
    return (typeof target === "object" && target !== null ? target : props) as T;
}

export function isUnknownValueError(error: unknown): error is UnknownValue {
    return error instanceof UnknownValueError;
}

/**
 * `isType` as the host answers it: a resource class's static `__pulumiType` when it has one (every
 * generated provider class does), else its `isInstance` on a stand-in of that type.
 */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
    if ((typeof resourceClass !== "function" && typeof resourceClass !== "object") || resourceClass === null) {
        return false;
    }
    const declared = (resourceClass as { __pulumiType?: unknown }).__pulumiType;
    if (typeof declared === "string" && declared !== "") {
        return declared === type;
    }
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return typeof isInstance === "function" && isInstance.call(resourceClass, { __pulumiType: type }) === true;
}

/**
 * Whether a property is unknown at preview, asked without deferring the whole rule: for a rule that
 * judges what is known and defers only the part that waits on the value.
 */
export function isUnknownProperty(props: object, key: string): boolean {
    try {
        void (props as Record<string, unknown>)[key];
        return false;
    } catch (e) {
        if (isUnknownValueError(e)) {
            return true;
        }
        throw e;
    }
}
