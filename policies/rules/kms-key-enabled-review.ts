import { KEY_MANAGEMENT } from "../compliance";
import { quote } from "../model";
import { disabledKeys } from "../analyses/disabledKeys";
import { stackRule } from "../analyses/kit";

/** Disabled keys that nothing of EMR in the stack uses: a policy has one level, so this is its own rule. */
export const kmsKeyEnabledReview = stackRule(
    {
        name: "kms-key-enabled-review",
        description: "Disabled KMS keys that nothing of EMR in this stack uses: check that nothing outside the stack needs them.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: KEY_MANAGEMENT,
        remediationSteps:
            "Enable the key if anything still encrypts with it; otherwise schedule its deletion or record why it stays disabled.",
    },
    {},
    (args) => {
        const found = disabledKeys(args.resources);
        if (!Array.isArray(found)) {
            return found;
        }
        return found
            .filter((d) => d.usedFor.length === 0)
            .map(({ key }) => ({
                resource: key.urn,
                message: `The key ${quote(key.name)} is disabled. Nothing of EMR in this stack uses it, but data encrypted with it elsewhere cannot be read until it is enabled. Check its users.`,
            }));
    },
);
