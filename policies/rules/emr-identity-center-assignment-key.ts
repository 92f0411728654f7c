import { CONFIGURATION } from "../compliance";
import { isObject } from "../model";
import { documentRule, lookup } from "../analyses/kit";

const DOCUMENTED = "IdentityCenterApplicationAssignmentRequired";
/** The spelling AWS's own examples use. Which one the API reads is not documented. */
const EXAMPLES = "IdentityCenterApplicationAssigmentRequired";

export const emrIdentityCenterAssignmentKey = documentRule(
    {
        name: "emr-identity-center-assignment-key",
        description: `IAM Identity Center's assignment setting should be spelled ${DOCUMENTED}, as EMR's documentation spells it, not as some examples do.`,
        enforcementLevel: "advisory",
        severity: "low",
        compliance: CONFIGURATION,
        remediationSteps: `Rename ${EXAMPLES} to ${DOCUMENTED} in IdentityCenterConfiguration, and check on a test cluster that users without an assignment are refused.`,
    },
    {},
    (document) => {
        const idc = lookup(document, ["AuthenticationConfiguration", "IdentityCenterConfiguration"]).value;
        if (!isObject(idc)) {
            return { notApplicable: "the document has no IdentityCenterConfiguration" };
        }
        if (!Object.prototype.hasOwnProperty.call(idc, EXAMPLES)) {
            return [];
        }
        const both = Object.prototype.hasOwnProperty.call(idc, DOCUMENTED);
        const clash = both && idc[DOCUMENTED] !== idc[EXAMPLES] ? ", and the two spellings disagree" : "";
        return [
            `IdentityCenterConfiguration sets ${EXAMPLES} (the spelling of AWS's examples)${clash}. EMR's documentation spells it ${DOCUMENTED}, and which one the API reads is not documented: use ${DOCUMENTED} alone, so the setting surely applies.`,
        ];
    },
);
