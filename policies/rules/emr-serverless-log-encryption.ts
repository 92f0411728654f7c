import { AT_REST } from "../compliance";
import { isObject } from "../model";
import { SERVERLESS_APPLICATION_TYPES } from "../resources";
import { resourceRule } from "../analyses/kit";

/** A log destination's settings when it is on: managed persistence unless turned off, CloudWatch only when turned on. */
function destination(config: unknown, onByDefault: boolean): Record<string, unknown> | undefined {
    const settings = isObject(config) ? config : {};
    const on = onByDefault ? settings.enabled !== false : settings.enabled === true;
    return on ? settings : undefined;
}

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
    (props) => {
        const monitoring = isObject(props.monitoringConfiguration) ? props.monitoringConfiguration : {};
        const violations: string[] = [];
        const managed = destination(monitoring.managedPersistenceMonitoringConfiguration, true);
        if (managed && !managed.encryptionKeyArn) {
            violations.push(
                "Managed log persistence is on (its default) without encryptionKeyArn, so the job logs EMR Serverless keeps are not under a key you control. Set managedPersistenceMonitoringConfiguration.encryptionKeyArn, or turn it off and log to S3 with a key.",
            );
        }
        const s3 = isObject(monitoring.s3MonitoringConfiguration) ? monitoring.s3MonitoringConfiguration : undefined;
        if (s3?.logUri && !s3.encryptionKeyArn) {
            violations.push(
                "Logs go to S3 (s3MonitoringConfiguration.logUri) without encryptionKeyArn: they are encrypted only as the bucket's default says. Set s3MonitoringConfiguration.encryptionKeyArn.",
            );
        }
        // aws classic spells it cloudwatch, aws-native (after CloudFormation's CloudWatch) cloudWatch.
        const cloudwatch = destination(monitoring.cloudwatchLoggingConfiguration ?? monitoring.cloudWatchLoggingConfiguration, false);
        if (cloudwatch && !cloudwatch.encryptionKeyArn) {
            violations.push(
                "Logs go to CloudWatch Logs (cloudwatchLoggingConfiguration.enabled) without encryptionKeyArn. Set cloudwatchLoggingConfiguration.encryptionKeyArn.",
            );
        }
        return violations;
    },
);
