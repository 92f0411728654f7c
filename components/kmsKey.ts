import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import * as kms from "@pulumi/aws/kms";
import * as pulumi from "@pulumi/pulumi";
import { isAwsAccountId, isAwsPartition, Problem } from "../policies/model";
import {
    checkArgumentsObject,
    checkBoolean,
    checkFormats,
    checkInteger,
    checkPartitions,
    isDeferred,
    regionProblems,
    shown,
} from "./argumentChecks";
import { throwIfProblems, unlessCheckedByParent } from "./invalidArguments";
import { buildKeyPolicy } from "./kmsKeyPolicy";

export interface KmsKeyArgs {
    /** What the key protects, shown in the KMS console. */
    description?: pulumi.Input<string>;
    /**
     * The alias, with or without the `alias/` prefix (e.g. `alias/emr-s3`). Aliases are unique per
     * account and Region, so by default a unique one is generated from the resource name.
     */
    aliasName?: pulumi.Input<string>;
    /** Days between scheduling deletion and deletion, 7 to 30 (default 30, the longest KMS allows). */
    deletionWindowInDays?: pulumi.Input<number>;
    /** IAM role ARNs that may administer the key, besides the account root. */
    adminRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * IAM role ARNs that encrypt and decrypt with the key: the EMR EC2 instance-profile role, and
     * every EMRFS role-mapping or runtime role that reads or writes the data.
     */
    keyUserRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * IAM role ARNs of the EMR service role, for a local-disk key with EBS encryption: it may use
     * the key and create grants, only for AWS resources (`kms:GrantIsForAWSResource`).
     */
    ebsServiceRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /** Let the EMR WAL service (`emrwal.amazonaws.com`) use the key, for EMR WAL encryption. */
    allowEmrWal?: pulumi.Input<boolean>;
    /**
     * Let EMR Serverless (`emr-serverless.amazonaws.com`) encrypt job logs in managed storage and
     * S3 with the key (`kms:GenerateDataKey`, `kms:Decrypt`), only for applications of this account
     * (`aws:SourceAccount`). Users who submit jobs or read the logs need the key too: list their roles
     * in `keyUserRoleArns`.
     */
    allowEmrServerlessLogs?: pulumi.Input<boolean>;
    /**
     * A Region (e.g. `eu-west-1`) whose CloudWatch Logs may encrypt this account's log groups with the
     * key (`logs.<region>.amazonaws.com`, limited by `kms:EncryptionContext:aws:logs:arn`): for EMR
     * Serverless logs sent to CloudWatch with this key.
     */
    cloudWatchLogsRegion?: pulumi.Input<string>;
    /** The account id; looked up from the provider's credentials when omitted. */
    accountId?: pulumi.Input<string>;
    /** The partition (`aws`, `aws-us-gov`, `aws-cn`); looked up when omitted. */
    partition?: pulumi.Input<string>;
    /**
     * Protect the key from deletion by Pulumi (default true): a deleted key makes everything it
     * encrypted unreadable for good.
     */
    protect?: boolean;
    /** Keep the key in AWS when Pulumi deletes it (default true). */
    retainOnDelete?: boolean;
    /** Tags for the key. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A symmetric KMS key for EMR, with rotation on, a deletion window, an alias, and a key policy that
 * names exactly the roles EMR needs.
 */
export class KmsKey extends pulumi.ComponentResource {
    /** The key ARN: what an EMR security configuration's `AwsKmsKey` takes. */
    public readonly arn: pulumi.Output<string>;
    /** The key id. */
    public readonly keyId: pulumi.Output<string>;
    /** The alias, `alias/...`. */
    public readonly aliasName: pulumi.Output<string>;
    /** The key policy document, as JSON. */
    public readonly policy: pulumi.Output<string>;

    constructor(name: string, args: KmsKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("emr-security:index:KmsKey", name, {}, opts);
        const invalid = `Invalid arguments for KmsKey "${name}"`;
        throwIfProblems(invalid, unlessCheckedByParent(args, checkKmsKeyArgs), this);

        const accountId = args.accountId ?? getCallerIdentityOutput({}, { parent: this }).accountId;
        const partition = args.partition ?? getPartitionOutput({}, { parent: this }).partition;
        this.policy = pulumi
            .all([
                partition,
                accountId,
                args.adminRoleArns ?? [],
                args.keyUserRoleArns ?? [],
                args.ebsServiceRoleArns ?? [],
                args.allowEmrWal ?? false,
                args.allowEmrServerlessLogs ?? false,
                args.cloudWatchLogsRegion,
            ])
            .apply(([partitionValue, account, admins, users, service, wal, serverlessLogs, logsRegion]) => {
                // Values that were outputs at construction are checked now, before the key is created;
                // those that were plain have been checked already, unless the partition they are
                // held to has only now been looked up.
                const partitionLate = lateOnly(args.partition, true) ?? false;
                const lateItems = <T>(given: unknown, resolved: readonly T[]) =>
                    partitionLate ? [...resolved] : unknownAtConstruction(given, resolved);
                throwIfProblems(
                    invalid,
                    checkKmsKeyArgs({
                        partition: partitionValue,
                        accountId: lateOnly(args.accountId, account),
                        adminRoleArns: lateItems(args.adminRoleArns, admins),
                        keyUserRoleArns: lateItems(args.keyUserRoleArns, users),
                        ebsServiceRoleArns: lateItems(args.ebsServiceRoleArns, service),
                        allowEmrServerlessLogs: lateOnly(args.allowEmrServerlessLogs, serverlessLogs),
                        cloudWatchLogsRegion: lateOnly(args.cloudWatchLogsRegion, logsRegion),
                    }),
                    this,
                );
                return JSON.stringify(
                    buildKeyPolicy({
                        partition: partitionValue,
                        accountId: account,
                        adminRoleArns: admins,
                        keyUserRoleArns: users,
                        ebsServiceRoleArns: service,
                        allowEmrWal: wal,
                        allowEmrServerlessLogs: serverlessLogs,
                        cloudWatchLogsRegion: logsRegion,
                    }),
                );
            });

        const key = new kms.Key(
            name,
            {
                description: args.description ?? `EMR encryption key ${name}`,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                enableKeyRotation: true,
                deletionWindowInDays: args.deletionWindowInDays ?? 30,
                policy: this.policy,
                tags: args.tags,
            },
            { parent: this, protect: args.protect ?? true, retainOnDelete: args.retainOnDelete ?? true },
        );
        const alias = new kms.Alias(
            `${name}-alias`,
            {
                targetKeyId: key.keyId,
                ...(args.aliasName === undefined
                    ? { namePrefix: `alias/${name.replace(/[^a-zA-Z0-9/_-]/g, "-")}-` }
                    : { name: pulumi.output(args.aliasName).apply(withAliasPrefix) }),
            },
            { parent: this },
        );

        this.arn = key.arn;
        this.keyId = key.keyId;
        this.aliasName = alias.name;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId, aliasName: this.aliasName, policy: this.policy });
    }
}

/** A resolved value, if it was not known at construction (or was looked up); else unset, as checked already. */
function lateOnly<T>(given: unknown, resolved: T): T | undefined {
    return given === undefined || isDeferred(given) ? resolved : undefined;
}

/** The items of a resolved list that were not known at construction, at their indexes (a sparse list). */
function unknownAtConstruction<T>(given: unknown, resolved: readonly T[]): T[] {
    const late: T[] = [];
    resolved.forEach((item, i) => {
        if (!Array.isArray(given) || isDeferred(given[i])) {
            late[i] = item;
        }
    });
    return late;
}

export function withAliasPrefix(alias: string): string {
    return alias.startsWith("alias/") ? alias : `alias/${alias}`;
}

/** Every problem with the arguments that can be seen without resolving outputs. */
export function checkKmsKeyArgs(args: KmsKeyArgs): Problem[] {
    const notAnObject = checkArgumentsObject(args);
    if (notAnObject) {
        return [notAnObject];
    }
    const problems: Problem[] = [];
    checkBoolean(problems, "protect", args.protect);
    checkBoolean(problems, "retainOnDelete", args.retainOnDelete);
    checkBoolean(problems, "allowEmrWal", args.allowEmrWal);
    checkBoolean(problems, "allowEmrServerlessLogs", args.allowEmrServerlessLogs);
    problems.push(...regionProblems("cloudWatchLogsRegion", args.cloudWatchLogsRegion));
    checkInteger(problems, "deletionWindowInDays", args.deletionWindowInDays, 7, 30);
    checkFormats(problems, "adminRoleArns", args.adminRoleArns, "iamRoleArn");
    checkFormats(problems, "keyUserRoleArns", args.keyUserRoleArns, "iamRoleArn");
    checkFormats(problems, "ebsServiceRoleArns", args.ebsServiceRoleArns, "iamRoleArn");
    if (typeof args.accountId === "string" && !isAwsAccountId(args.accountId)) {
        problems.push({ path: "accountId", code: "bad-format", message: `accountId must be 12 digits; got ${shown(args.accountId)}` });
    }
    if (typeof args.partition === "string" && !isAwsPartition(args.partition)) {
        problems.push({
            path: "partition",
            code: "bad-format",
            message: `partition must be an AWS partition such as "aws" or "aws-us-gov"; got ${shown(args.partition)}`,
        });
    }
    const roles = (path: string, arns: unknown) =>
        Object.fromEntries((Array.isArray(arns) ? arns : []).map((arn, i) => [`${path}[${i}]`, arn]));
    checkPartitions(problems, args.partition, {
        ...roles("adminRoleArns", args.adminRoleArns),
        ...roles("keyUserRoleArns", args.keyUserRoleArns),
        ...roles("ebsServiceRoleArns", args.ebsServiceRoleArns),
    });
    if (typeof args.aliasName === "string") {
        const alias = withAliasPrefix(args.aliasName);
        if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(alias) || alias.startsWith("alias/aws/")) {
            problems.push({
                path: "aliasName",
                code: "bad-format",
                message: `aliasName must be letters, digits, "/", "_" or "-" after "alias/", and not start with "alias/aws/" (reserved for AWS); got ${shown(args.aliasName)}`,
            });
        }
    }
    return problems;
}
