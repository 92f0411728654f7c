import { AT_REST } from "../compliance";
import { SERVERLESS_APPLICATION_TYPES } from "../resources";
import { resourceRule } from "../analyses/kit";
import { keyArnProblem } from "../analyses/keyArns";
import { LogDestination, logDestinations } from "../analyses/serverlessLogs";

/** What a destination without a key leaves out, and the fix. */
const UNKEYED: Record<LogDestination["field"], string> = {
    managedPersistenceMonitoringConfiguration:
        "Managed log persistence is on (its default) without encryptionKeyArn, so the job logs EMR Serverless keeps are not under a key you control. Set managedPersistenceMonitoringConfiguration.encryptionKeyArn, or turn it off and log to S3 with a key.",
    s3MonitoringConfiguration:
        "Logs go to S3 (s3MonitoringConfiguration.logUri) without encryptionKeyArn: they are encrypted only as the bucket's default says. Set s3MonitoringConfiguration.encryptionKeyArn.",
    cloudwatchLoggingConfiguration:
        "Logs go to CloudWatch Logs (cloudwatchLoggingConfiguration.enabled) without encryptionKeyArn. Set cloudwatchLoggingConfiguration.encryptionKeyArn.",
};

export const emrServerlessLogEncryption = resourceRule(
    {
        name: "emr-serverless-log-encryption",
        description:
            "EMR Serverless applications encrypt every log destination that is on with a customer managed KMS key: managed log persistence (on by default), S3 and CloudWatch Logs.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AT_REST,
        remediationSteps:
            "In monitoringConfiguration set encryptionKeyArn to a customer managed key's ARN in managedPersistenceMonitoringConfiguration (or set its enabled to false), in s3MonitoringConfiguration when it has a logUri, and in cloudwatchLoggingConfiguration when it is enabled. The key's policy must let the job runtime role use it.",
    },
    SERVERLESS_APPLICATION_TYPES,
    {},
    (props) =>
        logDestinations(props).flatMap(({ field, encryptionKeyArn }) => {
            if (!encryptionKeyArn) {
                return [UNKEYED[field]];
            }
            const problem = keyArnProblem(`${field}.encryptionKeyArn`, encryptionKeyArn, "EMR Serverless");
            return problem ? [problem] : [];
        }),
);
