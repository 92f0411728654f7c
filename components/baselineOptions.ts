/**
 * SecureEmrBaseline's options that have a secure default, in one table: each option's default,
 * when an override weakens it and what that gives up, and its key in the deployable stack's
 * config. The defaults the component applies and the warnings it logs come from here; tests hold
 * the argument's JSDoc, `Pulumi.yaml`, `deploy/index.ts` and the table in docs/components.md to it.
 */
import type { SecureEmrBaselineArgs } from "./secureEmrBaseline";

interface BaselineOption<T> {
    default: T;
    /** The type of its key in `Pulumi.yaml`'s config. */
    configType: "string" | "boolean" | "integer";
    /** Whether an override gives something up, and what, in a sentence naming the option. */
    weakenedBy(value: T): string | undefined;
}

type OptionName =
    | "s3EncryptionMode"
    | "separateKeys"
    | "enableEbsEncryption"
    | "inTransitEncryption"
    | "requireImdsV2"
    | "imdsHopLimit"
    | "protectKeys"
    | "keyDeletionWindowInDays";

/** S3 modes the baseline offers; CSE-Custom needs a provider jar and is left to SecurityConfiguration. */
export const BASELINE_S3_MODES = ["SSE-KMS", "CSE-KMS", "SSE-S3"] as const;

const turnedOff = (what: string) => (value: boolean) => (value === false ? what : undefined);

export const BASELINE_OPTIONS: { [K in OptionName]: BaselineOption<NonNullable<SecureEmrBaselineArgs[K]>> } = {
    s3EncryptionMode: {
        default: "SSE-KMS",
        configType: "string",
        weakenedBy: (mode) =>
            mode === "SSE-S3"
                ? "s3EncryptionMode is SSE-S3: S3 data is encrypted with S3-managed keys, not a customer-managed KMS key whose use you control and audit"
                : undefined,
    },
    separateKeys: {
        default: true,
        configType: "boolean",
        weakenedBy: turnedOff(
            "separateKeys is false: one KMS key encrypts both S3 data and local disks, against AWS's recommendation of separate keys",
        ),
    },
    enableEbsEncryption: {
        default: true,
        configType: "boolean",
        weakenedBy: turnedOff(
            "enableEbsEncryption is false: EBS root and data volumes are not encrypted with the KMS key (data volumes get LUKS only, and EC2 reports them unencrypted)",
        ),
    },
    inTransitEncryption: {
        default: true,
        configType: "boolean",
        weakenedBy: turnedOff("inTransitEncryption is false: traffic between cluster nodes and applications is not encrypted with TLS"),
    },
    requireImdsV2: {
        default: true,
        configType: "boolean",
        weakenedBy: turnedOff("requireImdsV2 is false: nodes accept IMDSv1, which is open to SSRF credential theft"),
    },
    imdsHopLimit: {
        default: 1,
        configType: "integer",
        weakenedBy: (limit) =>
            limit > 1 ? `imdsHopLimit is ${limit}: containers on the nodes can reach the instance's credentials through IMDS` : undefined,
    },
    protectKeys: {
        default: true,
        configType: "boolean",
        weakenedBy: turnedOff("protectKeys is false: Pulumi may delete the KMS keys, and with them every byte they encrypted"),
    },
    keyDeletionWindowInDays: {
        default: 30,
        configType: "integer",
        weakenedBy: (days) =>
            days < 30
                ? `keyDeletionWindowInDays is ${days}: a key scheduled for deletion can be recovered for fewer than 30 days`
                : undefined,
    },
};

/** Each option's default. */
export const BASELINE_DEFAULTS = Object.fromEntries(Object.entries(BASELINE_OPTIONS).map(([name, option]) => [name, option.default])) as {
    [K in OptionName]: (typeof BASELINE_OPTIONS)[K]["default"];
};

/**
 * One sentence per option whose given value weakens its secure default, saying what was given up.
 * Values of the wrong type are left to the argument check.
 */
export function weakenedDefaults(args: Partial<Record<OptionName, unknown>>): string[] {
    return Object.entries(BASELINE_OPTIONS).flatMap(([name, option]) => {
        const value = args[name as OptionName];
        const weakened =
            typeof value === typeof option.default ? (option.weakenedBy as (v: unknown) => string | undefined)(value) : undefined;
        return weakened === undefined ? [] : [weakened];
    });
}
