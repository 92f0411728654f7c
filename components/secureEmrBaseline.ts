import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as pulumi from "@pulumi/pulumi";
import { Problem } from "../policies/model";
import {
    checkArgumentsObject,
    checkBoolean,
    checkFormat,
    checkInteger,
    checkNestedObject,
    isArgumentsObject,
    isDeferred,
    checkOneOf,
    checkPartitions,
    listArgument,
    movedProblems,
    prefixProblems,
    regionProblems,
} from "./argumentChecks";
import { BASELINE_DEFAULTS, BASELINE_S3_MODES, weakenedDefaults } from "./baselineOptions";
import { checkHdfsEncryptionZones, HdfsEncryptionZone, zoneConfigurations } from "./hdfsEncryptionZones";
import { CertificateSettings, checkInTransitCertificateArgs, InTransitCertificate, InTransitCertificateArgs } from "./inTransitCertificate";
import { markChecked, throwIfProblems } from "./invalidArguments";
import { ClusterKerberosAttributes, Kerberos } from "./kerberos";
import { checkKerberosArgs, kerberosConfigurationSection, KerberosSettings, longerTicketLifetime } from "./kerberosSettings";
import { checkKmsKeyArgs, KmsKey, KmsKeyArgs } from "./kmsKey";
import { defaultNamePrefix } from "./naming";
import { checkSecurityConfigurationArgs, SecurityConfiguration } from "./securityConfiguration";
import { KerberosConfiguration, SecurityConfigurationSections } from "./securityConfigurationArgs";

export interface SecureEmrBaselineArgs {
    /** ARN of the EMR EC2 instance-profile role (the role, e.g. `EMR_EC2_DefaultRole`): a user of both keys. */
    instanceProfileRoleArn: pulumi.Input<string>;
    /** ARN of the EMR service role (e.g. `EMR_DefaultRole_V2`): encrypts EBS volumes with the disk key. */
    serviceRoleArn: pulumi.Input<string>;
    /** ARNs of other roles that read or write the S3 data: EMRFS role-mapping and runtime roles. */
    dataRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /** ARNs of roles that administer the keys, besides the account root. */
    keyAdminRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /** The EMR release of the clusters, e.g. `emr-7.5.0`: features it lacks are refused. */
    releaseLabel?: pulumi.Input<string>;
    /** The Region, for the certificate's names; defaults to the provider's. */
    region?: pulumi.Input<string>;
    /** The account id for key policies; looked up when omitted. */
    accountId?: pulumi.Input<string>;
    /** The partition for key policies; looked up when omitted. */
    partition?: pulumi.Input<string>;
    /** The start of the security configuration's name (default: the resource name). */
    namePrefix?: pulumi.Input<string>;
    /** `SSE-KMS` (default), `CSE-KMS`, or `SSE-S3` (weaker: warns). */
    s3EncryptionMode?: string;
    /** An existing KMS key ARN for S3 data, instead of creating one. */
    s3KmsKeyArn?: pulumi.Input<string>;
    /** An existing KMS key ARN for local disks, instead of creating one. */
    localDiskKmsKeyArn?: pulumi.Input<string>;
    /** Separate keys for S3 data and local disks (default true; false warns). */
    separateKeys?: boolean;
    /** Encrypt EBS root and data volumes with the disk key (default true; false warns). */
    enableEbsEncryption?: boolean;
    /** TLS between nodes and applications (default true; false warns). */
    inTransitEncryption?: boolean;
    /** Settings for the generated in-transit certificate. */
    certificate?: CertificateSettings;
    /** An existing certificate zip (`s3://bucket/key.zip`), instead of generating one. */
    certificateS3Object?: pulumi.Input<string>;
    /** Require IMDSv2 on the nodes (default true; false warns). */
    requireImdsV2?: boolean;
    /** The IMDS PUT response hop limit (default 1; more warns). */
    imdsHopLimit?: number;
    /** Kerberos authentication; none when omitted. */
    kerberos?: KerberosSettings;
    /** Protect created keys from deletion by Pulumi (default true; false warns). */
    protectKeys?: boolean;
    /** Deletion window of created keys, 7 to 30 days (default 30; less warns). */
    keyDeletionWindowInDays?: number;
    /**
     * HDFS transparent encryption: directories that become encryption zones, each with its own
     * Hadoop KMS key (lower-case name), created with the cluster. They go into `clusterConfigurationsJson`.
     */
    hdfsEncryptionZones?: HdfsEncryptionZone[];
    /**
     * Let EMR Serverless applications of this account write job logs with the log key
     * (`logEncryptionKmsKeyArn`): its policy then lets `emr-serverless.amazonaws.com` encrypt logs
     * in managed storage and S3, and CloudWatch Logs of `region` (the provider's when unset) encrypt
     * log groups. The log key must be one the baseline creates. Default false.
     */
    serverlessLogs?: boolean;
}

/**
 * Everything an EMR cluster needs to be encrypted and authenticated, with secure defaults: KMS keys
 * for S3 (SSE-KMS) and local disks (with EBS encryption), a generated TLS certificate, IMDSv2,
 * optional Kerberos, and the security configuration tying them together.
 */
export class SecureEmrBaseline extends pulumi.ComponentResource {
    /** For `aws.emr.Cluster`'s `securityConfiguration`. */
    public readonly securityConfigurationName: pulumi.Output<string>;
    /** The exact security-configuration document. */
    public readonly configuration: pulumi.Output<string>;
    /** For `aws.emr.Cluster`'s `kerberosAttributes` (secret); undefined without Kerberos. */
    public readonly kerberosAttributes: pulumi.Output<ClusterKerberosAttributes | undefined>;
    /** The KMS key ARN for S3 data; undefined with SSE-S3. */
    public readonly s3KmsKeyArn: pulumi.Output<string | undefined>;
    /** The KMS key ARN for local disks. */
    public readonly localDiskKmsKeyArn: pulumi.Output<string>;
    /**
     * For `aws.emr.Cluster`'s `logEncryptionKmsKeyId` (EMR 5.30.0 and later, except 6.0.0): the S3
     * key, or the local-disk key with SSE-S3. Both key policies already let the instance-profile
     * role use them, which writing encrypted logs needs.
     */
    public readonly logEncryptionKmsKeyArn: pulumi.Output<string>;
    /** The certificate zip's `s3://` URI; undefined without in-transit encryption. */
    public readonly certificateS3Uri: pulumi.Output<string | undefined>;
    /**
     * For `aws.emr.Cluster`'s `configurationsJson`: the HDFS encryption zones, and nothing that
     * weakens the security configuration (`[]` without zones). Merge your own classifications into
     * it with `mergeClusterConfigurations`.
     */
    public readonly clusterConfigurationsJson: pulumi.Output<string>;

    constructor(name: string, args: SecureEmrBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("emr-security:index:SecureEmrBaseline", name, {}, opts);
        // One check of every argument, the children's included: the children are given arguments
        // marked as checked, and judge at construction nothing their parent has judged.
        throwIfProblems(`Invalid arguments for SecureEmrBaseline "${name}"`, checkSecureEmrBaselineArgs(args), this);
        const settings = baselineSettings(args);
        const kerberosWarnings = args.kerberos ? longerTicketLifetime(args.kerberos).map((warning) => `kerberos.${warning}`) : [];
        for (const warning of [...weakenedDefaults(args), ...kerberosWarnings]) {
            pulumi.log.warn(`SecureEmrBaseline "${name}": ${warning}`, this);
        }

        const keyDefaults = keyArguments(args);
        // Only the key that becomes logEncryptionKmsKeyArn lets the log services in.
        const logWriters: KmsKeyArgs = args.serverlessLogs
            ? { allowEmrServerlessLogs: true, cloudWatchLogsRegion: args.region ?? getRegionOutput({}, { parent: this }).region }
            : {};
        const usesS3Key = settings.s3EncryptionMode !== "SSE-S3";
        const dataUsers = keyDefaults.keyUserRoleArns;
        const ebsService = settings.enableEbsEncryption ? keyDefaults.ebsServiceRoleArns : [];
        let { s3Key, diskKey } = broughtKeys(args, settings);
        if (!settings.separateKeys && s3Key === undefined && diskKey === undefined) {
            const shared = new KmsKey(
                `${name}-key`,
                markChecked({
                    ...keyDefaults,
                    ...logWriters,
                    description: `EMR ${name}: S3 data and local disks`,
                    keyUserRoleArns: dataUsers,
                    ebsServiceRoleArns: ebsService,
                }),
                { parent: this },
            );
            s3Key = usesS3Key ? shared.arn : undefined;
            diskKey = shared.arn;
        }
        if (s3Key === undefined && usesS3Key) {
            s3Key = new KmsKey(
                `${name}-s3-key`,
                markChecked({ ...keyDefaults, ...logWriters, description: `EMR ${name}: S3 data`, ebsServiceRoleArns: [] }),
                { parent: this },
            ).arn;
        }
        if (diskKey === undefined) {
            diskKey = new KmsKey(
                `${name}-disk-key`,
                markChecked({
                    ...keyDefaults,
                    ...(usesS3Key ? {} : logWriters),
                    description: `EMR ${name}: local disks`,
                    keyUserRoleArns: [args.instanceProfileRoleArn],
                    ebsServiceRoleArns: ebsService,
                }),
                { parent: this },
            ).arn;
        }

        let certificateS3Uri: pulumi.Input<string> | undefined = args.certificateS3Object;
        if (settings.inTransitEncryption && certificateS3Uri === undefined) {
            const certificate = new InTransitCertificate(
                `${name}-cert`,
                markChecked({
                    ...certificateArguments(args),
                    kmsKeyArn: args.certificate?.bucketName === undefined ? (args.certificate?.kmsKeyArn ?? s3Key) : undefined,
                }),
                { parent: this },
            );
            certificateS3Uri = certificate.s3Uri;
        }
        const kerberos = args.kerberos && new Kerberos(`${name}-kerberos`, markChecked({ ...args.kerberos }), { parent: this });

        const securityConfiguration = new SecurityConfiguration(
            `${name}-config`,
            markChecked({
                namePrefix: args.namePrefix ?? defaultNamePrefix(name),
                releaseLabel: args.releaseLabel,
                ...documentArgs(settings, s3Key, diskKey, certificateS3Uri, args.kerberos && kerberosConfigurationSection(args.kerberos)),
            }),
            { parent: this },
        );

        this.securityConfigurationName = securityConfiguration.name;
        this.configuration = securityConfiguration.configuration;
        this.kerberosAttributes = kerberos ? kerberos.clusterAttributes : pulumi.output(undefined);
        this.s3KmsKeyArn = pulumi.output(s3Key);
        this.localDiskKmsKeyArn = pulumi.output(diskKey);
        this.logEncryptionKmsKeyArn = pulumi.output(s3Key ?? diskKey);
        this.certificateS3Uri = pulumi.output(settings.inTransitEncryption ? certificateS3Uri : undefined);
        const zones = args.hdfsEncryptionZones
            ? zoneConfigurations(args.hdfsEncryptionZones, {
                  onWarning: (message) => pulumi.log.warn(`SecureEmrBaseline "${name}": ${message}`, this),
              })
            : [];
        this.clusterConfigurationsJson = pulumi.output(JSON.stringify(zones));
        this.registerOutputs({
            securityConfigurationName: this.securityConfigurationName,
            configuration: this.configuration,
            kerberosAttributes: this.kerberosAttributes,
            s3KmsKeyArn: this.s3KmsKeyArn,
            localDiskKmsKeyArn: this.localDiskKmsKeyArn,
            logEncryptionKmsKeyArn: this.logEncryptionKmsKeyArn,
            certificateS3Uri: this.certificateS3Uri,
            clusterConfigurationsJson: this.clusterConfigurationsJson,
        });
    }
}

/** The security configuration the baseline asks for. */
function documentArgs(
    settings: Omit<BaselineSettings, "imdsHopLimit"> & { imdsHopLimit: pulumi.Input<number> },
    s3Key: pulumi.Input<string> | undefined,
    diskKey: pulumi.Input<string>,
    certificateS3Uri: pulumi.Input<string> | undefined,
    kerberosConfiguration: KerberosConfiguration | undefined,
): SecurityConfigurationSections {
    const mode = settings.s3EncryptionMode;
    return {
        encryptionConfiguration: {
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: mode === "SSE-S3" ? { encryptionMode: mode } : { encryptionMode: mode, awsKmsKey: s3Key },
                localDiskEncryptionConfiguration: {
                    encryptionKeyProviderType: "AwsKms",
                    awsKmsKey: diskKey,
                    enableEbsEncryption: settings.enableEbsEncryption,
                },
            },
            inTransitEncryptionConfiguration: settings.inTransitEncryption
                ? { tlsCertificateConfiguration: { certificateProviderType: "PEM", s3Object: certificateS3Uri } }
                : undefined,
        },
        authenticationConfiguration: kerberosConfiguration && { kerberosConfiguration },
        instanceMetadataServiceConfiguration: settings.requireImdsV2
            ? { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: settings.imdsHopLimit }
            : undefined,
    };
}

type BaselineSettings = ReturnType<typeof baselineSettings>;

/** The baseline's settings: its secure defaults, overridden by the arguments that are set. */
function baselineSettings(args: SecureEmrBaselineArgs) {
    return { ...BASELINE_DEFAULTS, ...definedOnly(args) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The keys the user brought, in the uses the baseline gives them; the ones left unset it creates. */
function broughtKeys(args: SecureEmrBaselineArgs, settings: BaselineSettings) {
    const usesS3Key = settings.s3EncryptionMode !== "SSE-S3";
    let s3Key: pulumi.Input<string> | undefined = args.s3KmsKeyArn;
    let diskKey: pulumi.Input<string> | undefined = args.localDiskKmsKeyArn;
    if (!settings.separateKeys) {
        // One key for both, as asked: a brought key serves the other use too.
        diskKey ??= usesS3Key ? s3Key : undefined;
        s3Key ??= usesS3Key ? diskKey : undefined;
    }
    return { s3Key, diskKey, logKey: usesS3Key ? s3Key : diskKey };
}

/** What every key the baseline creates is given; each key then narrows its users. */
function keyArguments(args: SecureEmrBaselineArgs) {
    return {
        adminRoleArns: args.keyAdminRoleArns,
        // A list that is one output (as another language sends a list holding a secret) joins when it resolves.
        keyUserRoleArns: isDeferred(args.dataRoleArns)
            ? pulumi.all([args.instanceProfileRoleArn, args.dataRoleArns]).apply(([profile, data]) => [profile, ...(data ?? [])])
            : [args.instanceProfileRoleArn, ...(Array.isArray(args.dataRoleArns) ? args.dataRoleArns : [])],
        ebsServiceRoleArns: [args.serviceRoleArn],
        accountId: args.accountId,
        partition: args.partition,
        deletionWindowInDays: args.keyDeletionWindowInDays ?? BASELINE_DEFAULTS.keyDeletionWindowInDays,
        protect: args.protectKeys ?? BASELINE_DEFAULTS.protectKeys,
    } satisfies KmsKeyArgs;
}

/** Where each key argument came from among the baseline's. */
function keyArgumentPath(path: string): string {
    const [, list, index] = /^(\w+)\[(\d+)\]$/.exec(path) ?? [];
    if (list === "keyUserRoleArns") {
        return index === "0" ? "instanceProfileRoleArn" : `dataRoleArns[${Number(index) - 1}]`;
    }
    if (list === "ebsServiceRoleArns") {
        return "serviceRoleArn";
    }
    if (list === "adminRoleArns") {
        return `keyAdminRoleArns[${index}]`;
    }
    return { adminRoleArns: "keyAdminRoleArns", deletionWindowInDays: "keyDeletionWindowInDays", protect: "protectKeys" }[path] ?? path;
}

/** What the generated certificate is given: the baseline's Region, unless the certificate names its own. */
function certificateArguments(args: SecureEmrBaselineArgs): InTransitCertificateArgs {
    return { region: args.region, ...args.certificate };
}

/**
 * A value the baseline has checked already, standing in for it when the document is judged as a
 * whole: a promise, so the document's checks treat it as not known yet, that never settles.
 */
const CHECKED = new Promise<never>(() => {});

function standIn<T>(value: pulumi.Input<T>): pulumi.Input<T> {
    return value === undefined ? value : CHECKED;
}

/**
 * Every problem with the arguments, in one pass down: the baseline's own options; then, through
 * the very checks its children run, the key arguments, the certificate's and Kerberos's, each
 * reported at the argument that supplied it; then the security configuration as a whole, for what
 * only the whole document shows (release support, cross-field rules), with every value checked in
 * an earlier step standing in as already checked.
 */
export function checkSecureEmrBaselineArgs(args: SecureEmrBaselineArgs): Problem[] {
    const notAnObject = checkArgumentsObject(args);
    if (notAnObject) {
        return [notAnObject];
    }
    const problems: Problem[] = [];
    for (const option of ["separateKeys", "enableEbsEncryption", "inTransitEncryption", "requireImdsV2"] as const) {
        checkBoolean(problems, option, args[option]);
    }
    checkOneOf(problems, "s3EncryptionMode", args.s3EncryptionMode, BASELINE_S3_MODES);
    checkFormat(problems, "s3KmsKeyArn", args.s3KmsKeyArn, "kmsKey");
    checkFormat(problems, "localDiskKmsKeyArn", args.localDiskKmsKeyArn, "kmsKey");
    checkFormat(problems, "certificateS3Object", args.certificateS3Object, "s3Zip");
    checkInteger(problems, "imdsHopLimit", args.imdsHopLimit, 1, 64);
    checkBoolean(problems, "serverlessLogs", args.serverlessLogs);
    problems.push(...regionProblems("region", args.region));
    for (const required of ["instanceProfileRoleArn", "serviceRoleArn"] as const) {
        if (args[required] === undefined) {
            problems.push({ path: required, code: "missing-required", message: `${required} is required` });
        }
    }
    listArgument(problems, "dataRoleArns", args.dataRoleArns);
    checkPartitions(problems, args.partition, {
        s3KmsKeyArn: args.s3KmsKeyArn,
        localDiskKmsKeyArn: args.localDiskKmsKeyArn,
        certificateS3Object: args.certificateS3Object,
    });
    problems.push(...conflicts(args));
    if (isDeferred(args.hdfsEncryptionZones)) {
        checkNestedObject(problems, "hdfsEncryptionZones", args.hdfsEncryptionZones);
    } else if (args.hdfsEncryptionZones !== undefined) {
        problems.push(...checkHdfsEncryptionZones(args.hdfsEncryptionZones, {}, "hdfsEncryptionZones"));
    }

    problems.push(...movedProblems(checkKmsKeyArgs(keyArguments(args)), keyArgumentPath));
    for (const nested of ["certificate", "kerberos"] as const) {
        checkNestedObject(problems, nested, args[nested]);
    }
    const certificateProblems = isArgumentsObject(args.certificate) ? checkInTransitCertificateArgs(certificateArguments(args)) : [];
    // The baseline's own region was judged above; the certificate's is its own argument.
    const ownRegion = args.certificate?.region !== undefined;
    const certificateOwn = certificateProblems.filter((p) => ownRegion || p.path !== "region");
    problems.push(...prefixProblems("certificate", certificateOwn));
    const kerberosProblems = isArgumentsObject(args.kerberos) ? checkKerberosArgs(args.kerberos) : [];
    problems.push(...prefixProblems("kerberos", kerberosProblems));

    // Options refused above take their defaults here, so that the document's verdicts are about
    // combinations and releases only, never the same value again; Kerberos joins the document
    // only when its arguments were sound enough to build a section from.
    const refused = new Set(problems.map((p) => p.path));
    const settings = baselineSettings(
        Object.fromEntries(Object.entries(args).filter(([key]) => !refused.has(key))) as SecureEmrBaselineArgs,
    );
    const kerberos = args.kerberos && kerberosProblems.length === 0 ? kerberosConfigurationSection(args.kerberos, standIn) : undefined;
    const documentProblems = checkSecurityConfigurationArgs({
        namePrefix: args.namePrefix,
        releaseLabel: args.releaseLabel,
        ...documentArgs({ ...settings, imdsHopLimit: standIn(settings.imdsHopLimit) }, CHECKED, CHECKED, CHECKED, kerberos),
    });
    for (const problem of documentProblems) {
        const own = problem.path === "namePrefix" || problem.path === "releaseLabel";
        problems.push(...(own ? [problem] : prefixProblems("securityConfiguration", [problem])));
    }
    return problems;
}

/** Arguments that exclude each other. */
function conflicts(args: SecureEmrBaselineArgs): Problem[] {
    const problems: Problem[] = [];
    if (args.s3EncryptionMode === "SSE-S3" && args.s3KmsKeyArn !== undefined) {
        problems.push({
            path: "s3KmsKeyArn",
            code: "conflicting-arguments",
            message: 's3KmsKeyArn does not apply when s3EncryptionMode is "SSE-S3"',
        });
    }
    if (args.inTransitEncryption === false && (args.certificate !== undefined || args.certificateS3Object !== undefined)) {
        problems.push({
            path: "inTransitEncryption",
            code: "conflicting-arguments",
            message: "inTransitEncryption is false, yet a certificate is configured: remove one or the other",
        });
    }
    if (args.serverlessLogs === true && broughtKeys(args, baselineSettings(args)).logKey !== undefined) {
        problems.push({
            path: "serverlessLogs",
            code: "conflicting-arguments",
            message:
                "serverlessLogs changes the policy of the log key, and the log key is one you brought (s3KmsKeyArn, or localDiskKmsKeyArn with SSE-S3 or one key): grant emr-serverless.amazonaws.com and logs.<region>.amazonaws.com in its policy yourself, or let the baseline create it",
        });
    }
    if (args.certificate !== undefined && args.certificateS3Object !== undefined) {
        problems.push({
            path: "certificate",
            code: "conflicting-arguments",
            message: "certificate generates a zip and certificateS3Object names an existing one: give one of them",
        });
    }
    return problems;
}
