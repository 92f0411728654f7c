import { KEY_ACCESS } from "../compliance";
import { isObject } from "../model";
import { KMS_KEY_POLICY, KMS_KEY_TYPES, keyPolicyOf } from "../resources";
import { resourceRule } from "../analyses/kit";
import { parsePolicy, statementsOf } from "../analyses/policyDocuments";

/** Condition keys that tie a request to one account or organization. */
const RESTRICTING_KEYS = [
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:sourceaccount",
    "aws:sourceorgid",
    "kms:calleraccount",
    "aws:principalorgpaths",
];
const EXACT_OPERATORS = [
    "stringequals",
    "stringequalsignorecase",
    "stringlike",
    "arnequals",
    "arnlike",
    "forallvalues:stringequals",
    "foranyvalue:stringequals",
];

function isWildcard(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    if (isObject(principal)) {
        return Object.values(principal).some((v) => v === "*" || (Array.isArray(v) && v.includes("*")));
    }
    return false;
}

/**
 * Whether a condition limits callers to an account or organization with a value free of wildcards.
 * Under the Like operators both `*` and `?` are wildcards: `????????????` matches every account.
 */
function restrictsToAccountOrOrg(condition: unknown): boolean {
    if (!isObject(condition)) {
        return false;
    }
    return Object.entries(condition).some(
        ([operator, clauses]) =>
            EXACT_OPERATORS.includes(operator.toLowerCase()) &&
            isObject(clauses) &&
            Object.entries(clauses).some(([key, value]) => {
                const values = Array.isArray(value) ? value : [value];
                const wildcard = operator.toLowerCase().includes("like") ? /[*?]/ : /\*/;
                return (
                    RESTRICTING_KEYS.includes(key.toLowerCase()) &&
                    values.length > 0 &&
                    values.every((v) => typeof v === "string" && v !== "" && !wildcard.test(v))
                );
            }),
    );
}

export const kmsKeyPolicyNoPublicPrincipal = resourceRule(
    {
        name: "kms-key-policy-no-public-principal",
        description: "KMS key policies must not allow a wildcard principal unless a condition limits it to an account or organization.",
        enforcementLevel: "mandatory",
        severity: "critical",
        compliance: KEY_ACCESS,
        remediationSteps:
            'Replace Principal "*" with the role ARNs that need the key, or add a condition such as StringEquals aws:PrincipalOrgID or kms:CallerAccount.',
    },
    [...KMS_KEY_TYPES, KMS_KEY_POLICY],
    {},
    (props, _config, args) => {
        const raw = keyPolicyOf(args.type, props);
        if (raw === undefined) {
            return { notApplicable: "no key policy is set here (KMS then uses its default policy, which names the account root)" };
        }
        const policy = parsePolicy(raw);
        if (!policy) {
            return ["The key policy is not a JSON policy document. Fix it: KMS refuses it."];
        }
        return statementsOf(policy)
            .map((statement, i) => ({ statement, i }))
            .filter(
                ({ statement }) =>
                    statement.Effect === "Allow" && isWildcard(statement.Principal) && !restrictsToAccountOrOrg(statement.Condition),
            )
            .map(({ statement, i }) => {
                const sid = typeof statement.Sid === "string" ? ` (${statement.Sid})` : "";
                return `Statement ${i}${sid} allows any principal ("*") without a condition limiting it to an account or organization: anyone could use the key. Name the principals or add such a condition.`;
            });
    },
);
