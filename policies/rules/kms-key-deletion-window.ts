import { KEY_MANAGEMENT } from "../compliance";
import { shown } from "../model";
import { KMS_KEY_TYPES, NATIVE_KMS_KEY } from "../resources";
import { resourceRule } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

/** What KMS uses when no window is set. */
const KMS_DEFAULT_WINDOW = 30;

const OPTIONS = ruleOptions({
    minimumDays: option<number>({
        type: "integer",
        minimum: 7,
        maximum: 30,
        default: 30,
        description: "The shortest deletion window allowed, in days.",
    }),
});

export const kmsKeyDeletionWindow = resourceRule(
    {
        name: "kms-key-deletion-window",
        description:
            "KMS keys must have a deletion window of at least the configured number of days (default 30), to recover a key scheduled for deletion by mistake.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: KEY_MANAGEMENT,
        remediationSteps:
            "Set deletionWindowInDays (aws-native: pendingWindowInDays) to at least the minimum, or leave it unset for KMS's 30 days.",
        configSchema: OPTIONS.configSchema,
    },
    KMS_KEY_TYPES,
    OPTIONS.defaults,
    (props, config, args) => {
        const days = (args.type === NATIVE_KMS_KEY ? props.pendingWindowInDays : props.deletionWindowInDays) ?? KMS_DEFAULT_WINDOW;
        return typeof days === "number" && days >= config.minimumDays
            ? []
            : [`The deletion window is ${shown(days)} days; at least ${config.minimumDays} are required. Lengthen it.`];
    },
);
