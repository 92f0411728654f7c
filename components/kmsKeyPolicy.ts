/**
 * The key policy an EMR key needs (policies/reference/emr.md §2), as a pure function of plain values.
 * Every principal is a named role or the account root: the policy never has a wildcard principal.
 */

export interface KeyPolicyInputs {
    partition: string;
    accountId: string;
    /** Roles that may administer the key, besides the account root. */
    adminRoleArns: string[];
    /** Roles that encrypt and decrypt with the key: the EMR instance profile, EMRFS and runtime roles. */
    keyUserRoleArns: string[];
    /** Roles that attach the key to EBS volumes: the EMR service role, when EBS encryption is on. */
    ebsServiceRoleArns: string[];
    /** Let the EMR WAL service use the key (a key for EMRWALEncryptionConfiguration). */
    allowEmrWal: boolean;
    /** Let EMR Serverless encrypt job logs in managed storage and S3 with the key, for this account's applications. */
    allowEmrServerlessLogs?: boolean;
    /** Let CloudWatch Logs of this Region encrypt this account's log groups with the key. */
    cloudWatchLogsRegion?: string;
}

export interface PolicyStatement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Principal: { AWS: string | string[] } | { Service: string };
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/** What the KMS console grants a key administrator, without the right to use the key for data. */
export const KEY_ADMIN_ACTIONS = [
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
];
export const KEY_USER_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];
/** EBS encryption by the EMR service role, as AWS documents it. */
export const EBS_SERVICE_ROLE_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:DescribeKey",
];
export const GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];
/** Grants only for AWS resources (EBS volumes), never to arbitrary principals. */
export const GRANT_FOR_AWS_RESOURCE = { Bool: { "kms:GrantIsForAWSResource": "true" } };
export const EMR_WAL_SERVICE = "emrwal.amazonaws.com";
const EMR_SERVERLESS_SERVICE = "emr-serverless.amazonaws.com";
/** What the CloudWatch Logs guide grants its service principal on a key for log groups. */
const CLOUDWATCH_LOGS_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

/** CloudWatch Logs' service principal in a Region: China's Regions have their own domain. */
function cloudWatchLogsPrincipal(partition: string, region: string): string {
    return `logs.${region}.${partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}`;
}

/** One principal as a string, several as a sorted, de-duplicated list: the same roles, the same text. */
function principals(arns: string[]): string | string[] {
    const unique = [...new Set(arns)].sort();
    return unique.length === 1 ? unique[0] : unique;
}

export function buildKeyPolicy(inputs: KeyPolicyInputs): PolicyDocument {
    const root = `arn:${inputs.partition}:iam::${inputs.accountId}:root`;
    const statements: PolicyStatement[] = [
        // Without the root statement IAM policies in the account cannot grant access and the key
        // can become unmanageable; this is what KMS itself puts in a default key policy.
        { Sid: "AccountRootAdministers", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
    ];
    if (inputs.adminRoleArns.length > 0) {
        statements.push({
            Sid: "RolesAdminister",
            Effect: "Allow",
            Principal: { AWS: principals(inputs.adminRoleArns) },
            Action: KEY_ADMIN_ACTIONS,
            Resource: "*",
        });
    }
    if (inputs.keyUserRoleArns.length > 0) {
        const users = principals(inputs.keyUserRoleArns);
        statements.push(
            { Sid: "EmrRolesUseKey", Effect: "Allow", Principal: { AWS: users }, Action: KEY_USER_ACTIONS, Resource: "*" },
            {
                Sid: "EmrRolesGrantForAwsResources",
                Effect: "Allow",
                Principal: { AWS: users },
                Action: GRANT_ACTIONS,
                Resource: "*",
                Condition: GRANT_FOR_AWS_RESOURCE,
            },
        );
    }
    if (inputs.ebsServiceRoleArns.length > 0) {
        const service = principals(inputs.ebsServiceRoleArns);
        statements.push(
            {
                Sid: "EmrServiceRoleEncryptsEbs",
                Effect: "Allow",
                Principal: { AWS: service },
                Action: EBS_SERVICE_ROLE_ACTIONS,
                Resource: "*",
            },
            {
                Sid: "EmrServiceRoleGrantsForEbs",
                Effect: "Allow",
                Principal: { AWS: service },
                Action: GRANT_ACTIONS,
                Resource: "*",
                Condition: GRANT_FOR_AWS_RESOURCE,
            },
        );
    }
    if (inputs.allowEmrWal) {
        // EMR documents that the WAL service needs access, not which conditions its calls carry;
        // a SourceAccount condition could break it, so none is added (unverified either way).
        statements.push({
            Sid: "EmrWalServiceUsesKey",
            Effect: "Allow",
            Principal: { Service: EMR_WAL_SERVICE },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
        });
    }
    if (inputs.allowEmrServerlessLogs) {
        // What the EMR Serverless guide grants its service principal for logs and disks; the
        // application ids are not known when the key is made, so the account bounds it.
        statements.push({
            Sid: "EmrServerlessEncryptsLogs",
            Effect: "Allow",
            Principal: { Service: EMR_SERVERLESS_SERVICE },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": inputs.accountId } },
        });
    }
    if (inputs.cloudWatchLogsRegion !== undefined) {
        const region = inputs.cloudWatchLogsRegion;
        statements.push({
            Sid: "CloudWatchLogsEncryptsLogGroups",
            Effect: "Allow",
            Principal: { Service: cloudWatchLogsPrincipal(inputs.partition, region) },
            Action: CLOUDWATCH_LOGS_ACTIONS,
            Resource: "*",
            // Only for log groups of this account and Region: the context CloudWatch Logs sends.
            Condition: {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${inputs.partition}:logs:${region}:${inputs.accountId}:log-group:*` },
            },
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}
