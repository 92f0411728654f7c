import { PolicyResource } from "@pulumi/policy";
import { KEY_ACCESS } from "../compliance";
import { kmsKeyAccount } from "../model";
import { SECURITY_CONFIGURATION_TYPES } from "../resources";
import { stackRule } from "../analyses/kit";
import { documentKeyUses, KEY_USER_ACTIONS, KeyUse, policyOfKey } from "../analyses/keyUses";
import { allows } from "../analyses/policyDocuments";
import { documentOf, StackView } from "../analyses/stackView";
import { option, ruleOptions } from "../analyses/ruleOptions";

const EBS_ACTIONS = ["kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext"];

const OPTIONS = ruleOptions({
    instanceProfileRoleArns: option<string[]>({
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Instance-profile role ARNs to check even when no cluster of the stack shows them.",
    }),
    serviceRoleArns: option<string[]>({
        type: "array",
        items: { type: "string" },
        default: [],
        description: "EMR service role ARNs to check for keys with EBS encryption.",
    }),
});

export const emrKmsKeyPolicy = stackRule(
    {
        name: "emr-kms-key-policy",
        description:
            "KMS keys of the stack that EMR uses must let the EMR roles use them: the instance-profile role for data, the service role for EBS.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: KEY_ACCESS,
        remediationSteps:
            "Add the instance-profile role as a key user (kms:Decrypt, kms:GenerateDataKey*) and, for EBS encryption, the EMR service role with kms:CreateGrant (conditioned on kms:GrantIsForAWSResource), kms:Decrypt and kms:GenerateDataKeyWithoutPlaintext. The emr-security KmsKey component writes this policy.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => {
        const findings: { resource: string; message: string }[] = [];
        const stack = StackView.of(args.resources);
        let checked = 0;
        for (const configuration of stack.ofTypes(SECURITY_CONFIGURATION_TYPES)) {
            const document = documentOf(configuration);
            // Keys named by alias or key id are found through the stack's aliases and key ids.
            const uses = (document ? documentKeyUses(document) : [])
                .map((use) => ({ ...use, key: stack.kmsKey(use.arn) }))
                .filter((use): use is KeyUse & { key: PolicyResource } => use.key !== undefined);
            if (uses.length === 0) {
                continue;
            }
            const users = stack.clustersUsing(configuration.props.name);
            for (const use of uses) {
                const key = use.key;
                // The account and partition of the key itself, which an alias or key id does not name.
                const keyArn = typeof key.props.arn === "string" ? key.props.arn : use.arn;
                const accountPrefix = () => `arn:${keyArn.split(":")[1]}:iam::${kmsKeyAccount(keyArn)}`;
                const instanceRoles = new Set([
                    ...config.instanceProfileRoleArns,
                    ...users.map((c) => stack.instanceProfileRoleArn(c)).filter((r): r is string => !!r),
                ]);
                const serviceRoles = new Set([
                    ...config.serviceRoleArns,
                    ...users
                        .map((c) =>
                            typeof c.props.serviceRole === "string" ? stack.roleArnOf(c.props.serviceRole, accountPrefix()) : undefined,
                        )
                        .filter((r): r is string => !!r),
                ]);
                const needs = [...[...instanceRoles].map((role) => ({ role, actions: KEY_USER_ACTIONS, as: "instance-profile role" }))];
                if (use.ebs) {
                    needs.push(...[...serviceRoles].map((role) => ({ role, actions: EBS_ACTIONS, as: "service role (EBS encryption)" })));
                }
                if (needs.length === 0) {
                    continue;
                }
                checked++;
                const policy = policyOfKey(stack, key);
                for (const need of needs) {
                    if (!policy || !allows(policy, need.role, need.actions)) {
                        findings.push({
                            resource: key.urn,
                            message: `The key for ${use.what} does not let the EMR ${need.as} ${need.role} use it (${need.actions.join(", ")}): cluster nodes cannot ${use.ebs && need.as.startsWith("service") ? "attach encrypted EBS volumes" : "read or write encrypted data"}. Add the role to the key policy.`,
                        });
                    }
                }
            }
        }
        return checked === 0
            ? { notApplicable: "no KMS key of this stack is used by a security configuration whose EMR roles can be seen" }
            : findings;
    },
);
