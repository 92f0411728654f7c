import { KEY_ACCESS } from "../compliance";
import { quote } from "../model";
import { SERVERLESS_APPLICATION_TYPES } from "../resources";
import { stackRule } from "../analyses/kit";
import { policyOfKey } from "../analyses/keyUses";
import { allowsService } from "../analyses/policyDocuments";
import { logDestinations } from "../analyses/serverlessLogs";
import { StackView } from "../analyses/stackView";

/** The principal and actions AWS's guide to encrypting EMR Serverless logs grants on the key (policies/reference/emr.md §7). */
const SERVICE = "emr-serverless.amazonaws.com";
const ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"];

export const emrServerlessLogKeyPolicy = stackRule(
    {
        name: "emr-serverless-log-key-policy",
        description:
            "A key of the stack that encrypts EMR Serverless logs in managed storage or S3 lets EMR Serverless use it: without that, the service cannot write the logs.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: KEY_ACCESS,
        remediationSteps:
            "Add a key-policy statement allowing the service principal emr-serverless.amazonaws.com kms:GenerateDataKey and kms:Decrypt, bounded by aws:SourceAccount or aws:SourceArn. KmsKey does it with allowEmrServerlessLogs, SecureEmrBaseline with serverlessLogs.",
    },
    {},
    (args) => {
        const stack = StackView.of(args.resources);
        const applications = stack.ofTypes(SERVERLESS_APPLICATION_TYPES);
        if (applications.length === 0) {
            return { notApplicable: "no EMR Serverless application in this stack" };
        }
        const findings: { resource: string; message: string }[] = [];
        for (const application of applications) {
            // CloudWatch's key is used by CloudWatch Logs, under that service's own key-policy rules.
            const written = logDestinations(application.props).filter((d) => d.field !== "cloudwatchLoggingConfiguration");
            for (const { field, encryptionKeyArn } of written) {
                const key = typeof encryptionKeyArn === "string" ? stack.kmsKey(encryptionKeyArn) : undefined;
                const policy = key && policyOfKey(stack, key);
                if (key && policy && !allowsService(policy, SERVICE, ACTIONS)) {
                    findings.push({
                        resource: key.urn,
                        message: `The key ${quote(key.name)} encrypts the logs of the application ${quote(application.name)} (${field}), but its policy does not let ${SERVICE} use it (kms:GenerateDataKey, kms:Decrypt), so EMR Serverless cannot write them. Add a statement for the service principal.`,
                    });
                }
            }
        }
        return findings;
    },
);
