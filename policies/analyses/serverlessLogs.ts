/**
 * Where an EMR Serverless application sends its job logs (policies/reference/emr.md §7): each
 * destination that is on, and the key it names. Managed persistence is on unless turned off, S3
 * when it has a logUri, CloudWatch only when turned on.
 */
import { isObject } from "../model";

export interface LogDestination {
    /** The field of monitoringConfiguration, as aws classic spells it. */
    field: "managedPersistenceMonitoringConfiguration" | "s3MonitoringConfiguration" | "cloudwatchLoggingConfiguration";
    /** The key it names, if any. */
    encryptionKeyArn: unknown;
}

export function logDestinations(props: Record<string, unknown>): LogDestination[] {
    const monitoring = isObject(props.monitoringConfiguration) ? props.monitoringConfiguration : {};
    const settings = (value: unknown) => (isObject(value) ? value : undefined);
    const managed = settings(monitoring.managedPersistenceMonitoringConfiguration);
    const s3 = settings(monitoring.s3MonitoringConfiguration);
    // aws classic spells it cloudwatch, aws-native (after CloudFormation's CloudWatch) cloudWatch.
    const cloudwatch = settings(monitoring.cloudwatchLoggingConfiguration ?? monitoring.cloudWatchLoggingConfiguration);
    const on: LogDestination[] = [];
    if (managed?.enabled !== false) {
        on.push({ field: "managedPersistenceMonitoringConfiguration", encryptionKeyArn: managed?.encryptionKeyArn });
    }
    if (s3?.logUri) {
        on.push({ field: "s3MonitoringConfiguration", encryptionKeyArn: s3.encryptionKeyArn });
    }
    if (cloudwatch?.enabled === true) {
        on.push({ field: "cloudwatchLoggingConfiguration", encryptionKeyArn: cloudwatch.encryptionKeyArn });
    }
    return on;
}
