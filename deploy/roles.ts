/** A role given by name or ARN in stack config, as an ARN. */
export function roleArn(nameOrArn: string, partition: string, accountId: string): string {
    return nameOrArn.startsWith("arn:") ? nameOrArn : `arn:${partition}:iam::${accountId}:role/${nameOrArn}`;
}
