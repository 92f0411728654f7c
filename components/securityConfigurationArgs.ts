import * as pulumi from "@pulumi/pulumi";

// These interfaces mirror the EMR security-configuration document key for key, in camelCase; the
// mapping to EMR's keys lives in policies/model/schema.ts. Enumerated values are plain strings
// (other Pulumi languages cannot consume unions) and are checked when the component is built.

/** The sections of an EMR security configuration. Set at least one. */
export interface SecurityConfigurationSections {
    /** Encryption at rest (S3 and local disk), in transit (TLS), and of the EMR write-ahead log. */
    encryptionConfiguration?: EncryptionConfiguration;
    /** Kerberos authentication and IAM Identity Center integration. */
    authenticationConfiguration?: AuthenticationConfiguration;
    /** EMRFS role mappings, runtime roles, Lake Formation and Apache Ranger. */
    authorizationConfiguration?: AuthorizationConfiguration;
    /** The instance metadata service (IMDS) version and hop limit for cluster nodes. */
    instanceMetadataServiceConfiguration?: InstanceMetadataServiceConfiguration;
    /**
     * The SAML-based Lake Formation integration of EMR 5.31.0 and later 5.x releases (the document's
     * top-level `LakeFormationConfiguration`). Needs a cluster-dedicated KDC. For Lake Formation with
     * runtime roles (6.15.0+) use `authorizationConfiguration.lakeFormationConfiguration`.
     */
    legacyLakeFormationConfiguration?: LegacyLakeFormationConfiguration;
}

export interface EncryptionConfiguration {
    /**
     * Turns TLS between cluster nodes and applications on. Defaults to whether
     * `inTransitEncryptionConfiguration` is given.
     */
    enableInTransitEncryption?: pulumi.Input<boolean>;
    /**
     * Turns encryption of EMRFS data in S3 and of local disks on. Defaults to whether
     * `atRestEncryptionConfiguration` is given.
     */
    enableAtRestEncryption?: pulumi.Input<boolean>;
    /** Where the TLS certificates come from. Required when in-transit encryption is on. */
    inTransitEncryptionConfiguration?: InTransitEncryptionConfiguration;
    /** S3 and local-disk encryption. Required when at-rest encryption is on. */
    atRestEncryptionConfiguration?: AtRestEncryptionConfiguration;
    /**
     * Encryption of the EMR write-ahead log (HBase). An empty object selects EMR-managed keys; an
     * `awsKmsKey` selects your KMS key. Independent of the two enable flags.
     */
    emrWalEncryptionConfiguration?: EmrWalEncryptionConfiguration;
}

export interface InTransitEncryptionConfiguration {
    /** The TLS certificate provider. */
    tlsCertificateConfiguration: TlsCertificateConfiguration;
}

export interface TlsCertificateConfiguration {
    /**
     * `PEM` (a zip of PEM files in S3), `Custom` (a Java provider jar in S3) or `EMR` (EMR generates
     * the certificates). Case-sensitive.
     */
    certificateProviderType: pulumi.Input<string>;
    /**
     * For `PEM`, the S3 location of the zip (`s3://bucket/key.zip` or `arn:aws:s3:::bucket/key.zip`);
     * for `Custom`, of the provider jar. Not allowed for `EMR`.
     */
    s3Object?: pulumi.Input<string>;
    /** For `Custom`: the fully qualified class implementing `TLSArtifactsProvider`. */
    certificateProviderClass?: pulumi.Input<string>;
    /** For `EMR`: the full ARN of the KMS key that encrypts the generated CA certificate's secret. */
    awsKmsKey?: pulumi.Input<string>;
    /** For `EMR`: tags for the Secrets Manager secret that holds the generated CA certificate. */
    secretTags?: SecretTag[];
    /** For `EMR`: how many days the generated certificates are valid (EMR's default is 20 years). */
    validityInDays?: pulumi.Input<number>;
    /** For `EMR`: an extra DNS suffix the certificate covers as `*.<suffix>`; give it without `*.`. */
    wildcardDnsSuffix?: pulumi.Input<string>;
}

export interface SecretTag {
    /** The tag key. */
    key: pulumi.Input<string>;
    /** The tag value. */
    value: pulumi.Input<string>;
}

export interface AtRestEncryptionConfiguration {
    /** How EMRFS encrypts data in S3. */
    s3EncryptionConfiguration?: S3EncryptionConfiguration;
    /** How cluster nodes encrypt local disks (instance store and EBS). */
    localDiskEncryptionConfiguration?: LocalDiskEncryptionConfiguration;
}

export interface S3EncryptionConfiguration {
    /** `SSE-S3`, `SSE-KMS`, `CSE-KMS` or `CSE-Custom`. Case-sensitive; `SSE-C` is not available with EMR. */
    encryptionMode: pulumi.Input<string>;
    /** For `SSE-KMS` and `CSE-KMS`: the full KMS key ARN (not an alias or key id). */
    awsKmsKey?: pulumi.Input<string>;
    /** For `CSE-Custom`: the S3 location of the encryption-materials provider jar. */
    s3Object?: pulumi.Input<string>;
    /** For `CSE-Custom`: the fully qualified provider class; must differ from the local-disk class. */
    encryptionKeyProviderClass?: pulumi.Input<string>;
    /** Per-bucket exceptions to `encryptionMode`, one per bucket. */
    overrides?: S3EncryptionOverride[];
}

export interface S3EncryptionOverride {
    /** The bare bucket name (no `s3://`). */
    bucketName: pulumi.Input<string>;
    /** `SSE-S3`, `SSE-KMS` or `CSE-KMS` for this bucket. */
    encryptionMode: pulumi.Input<string>;
    /** For `SSE-KMS` and `CSE-KMS`: the full KMS key ARN for this bucket. */
    awsKmsKey?: pulumi.Input<string>;
}

export interface LocalDiskEncryptionConfiguration {
    /** `AwsKms` or `Custom`. Case-sensitive. */
    encryptionKeyProviderType: pulumi.Input<string>;
    /** For `AwsKms`: the full KMS key ARN. */
    awsKmsKey?: pulumi.Input<string>;
    /**
     * Also encrypts the EBS root and data volumes with the KMS key (EMR 5.24.0+; `AwsKms` only).
     * Without it EBS volumes are encrypted by LUKS inside the OS and EC2 reports them unencrypted.
     */
    enableEbsEncryption?: pulumi.Input<boolean>;
    /** For `Custom`: the S3 location of the encryption-materials provider jar. */
    s3Object?: pulumi.Input<string>;
    /** For `Custom`: the fully qualified provider class; must differ from the S3 class. */
    encryptionKeyProviderClass?: pulumi.Input<string>;
}

export interface EmrWalEncryptionConfiguration {
    /** The full KMS key ARN for the write-ahead log; omit it for EMR-managed keys. */
    awsKmsKey?: pulumi.Input<string>;
}

export interface AuthenticationConfiguration {
    /** Kerberos authentication. The cluster must then be created with Kerberos attributes. */
    kerberosConfiguration?: KerberosConfiguration;
    /** IAM Identity Center integration (EMR 6.15.0+); needs in-transit encryption. */
    identityCenterConfiguration?: IdentityCenterConfiguration;
}

export interface KerberosConfiguration {
    /** `ClusterDedicatedKdc` or `ExternalKdc` (EMR 5.20.0+). Case-sensitive. */
    provider: pulumi.Input<string>;
    /** For `ClusterDedicatedKdc`: the KDC that runs on the primary node. */
    clusterDedicatedKdcConfiguration?: ClusterDedicatedKdcConfiguration;
    /** For `ExternalKdc`: the KDC the cluster uses. */
    externalKdcConfiguration?: ExternalKdcConfiguration;
}

export interface ClusterDedicatedKdcConfiguration {
    /** How long tickets are valid, in hours (EMR's default is 24). */
    ticketLifetimeInHours?: pulumi.Input<number>;
    /** A one-way trust with another realm, such as an Active Directory domain. */
    crossRealmTrustConfiguration?: CrossRealmTrustConfiguration;
}

export interface CrossRealmTrustConfiguration {
    /** The other realm's name, by convention its domain in upper case (e.g. `AD.EXAMPLE.COM`). */
    realm: pulumi.Input<string>;
    /** The other realm's DNS domain (e.g. `ad.example.com`). */
    domain: pulumi.Input<string>;
    /** The other realm's admin server, `host` or `host:port` (default port 749). */
    adminServer: pulumi.Input<string>;
    /** The other realm's KDC, `host` or `host:port` (default port 88). */
    kdcServer: pulumi.Input<string>;
}

export interface ExternalKdcConfiguration {
    /** How long tickets are valid, in hours. */
    ticketLifetimeInHours?: pulumi.Input<number>;
    /** `Single`, the only type EMR supports. */
    kdcServerType: pulumi.Input<string>;
    /** The external KDC's admin server, `host` or `host:port` (default port 749). */
    adminServer: pulumi.Input<string>;
    /** The external KDC, `host` or `host:port` (default port 88). */
    kdcServer: pulumi.Input<string>;
    /** The Active Directory domain the external KDC trusts, if any. */
    adIntegrationConfiguration?: AdIntegrationConfiguration;
}

export interface AdIntegrationConfiguration {
    /** The Active Directory realm, by convention in upper case. */
    adRealm: pulumi.Input<string>;
    /** The Active Directory DNS domain. */
    adDomain: pulumi.Input<string>;
    /** A domain controller, `host` or `host:port` (optional: EMR finds one through the domain). */
    adServer?: pulumi.Input<string>;
}

export interface IdentityCenterConfiguration {
    /** Turns the IAM Identity Center integration on. */
    enableIdentityCenter: pulumi.Input<boolean>;
    /** The Identity Center instance ARN; EMR looks it up when omitted. */
    identityCenterInstanceArn?: pulumi.Input<string>;
    /** The role that obtains Identity Center tokens for EMR. Required when the integration is on. */
    iamRoleForEmrIdentityCenterApplicationArn?: pulumi.Input<string>;
    /** Whether users need an assignment to the Identity Center application (default false). */
    identityCenterApplicationAssignmentRequired?: pulumi.Input<boolean>;
    /** Keeps users' sessions running after they sign out (user background sessions, EMR 7.11.0+). */
    enableUserBackgroundSession?: pulumi.Input<boolean>;
}

export interface AuthorizationConfiguration {
    /** IAM roles that EMRFS assumes for given users, groups or S3 prefixes. */
    emrFsConfiguration?: EmrFsConfiguration;
    /** Runtime roles for steps (EMR 6.7.0+). */
    iamConfiguration?: IamConfiguration;
    /** Lake Formation fine-grained access with runtime roles (EMR 6.15.0+). */
    lakeFormationConfiguration?: LakeFormationConfiguration;
    /** Apache Ranger integration (EMR 5.32.0+); needs Kerberos. */
    rangerConfiguration?: RangerConfiguration;
}

export interface EmrFsConfiguration {
    /** Mappings evaluated top-down; the first match wins, and no match uses the instance profile. */
    roleMappings: EmrFsRoleMapping[];
}

export interface EmrFsRoleMapping {
    /** The IAM role ARN EMRFS assumes. */
    role: pulumi.Input<string>;
    /** `User`, `Group` or `Prefix`. */
    identifierType: pulumi.Input<string>;
    /** Hadoop users, Hadoop groups, or S3 prefixes (`s3://bucket/path`), all of `identifierType`. */
    identifiers: pulumi.Input<string>[];
}

export interface IamConfiguration {
    /** Turns runtime roles for steps on. */
    enableApplicationScopedIamRole: pulumi.Input<boolean>;
    /** Runtime-role options. */
    applicationScopedIamRoleConfiguration?: ApplicationScopedIamRoleConfiguration;
}

export interface ApplicationScopedIamRoleConfiguration {
    /** Passes the caller's source identity on to the runtime role. */
    propagateSourceIdentity?: pulumi.Input<boolean>;
}

export interface LakeFormationConfiguration {
    /** When given, must be `Amazon EMR`, the same value as in Lake Formation's application-integration settings. */
    authorizedSessionTagValue?: pulumi.Input<string>;
    /** Turns Lake Formation on for Identity Center trusted identity propagation, as AWS's setup pages write it. */
    enableLakeFormation?: pulumi.Input<boolean>;
}

export interface RangerConfiguration {
    /** The Ranger admin server URL, e.g. `https://ranger.example.com:6182`. */
    adminServerUrl: pulumi.Input<string>;
    /** The IAM role ARN the Ranger plugins use. */
    roleForRangerPluginsArn: pulumi.Input<string>;
    /** The IAM role ARN for other AWS services. */
    roleForOtherAwsServicesArn: pulumi.Input<string>;
    /** The Secrets Manager ARN (no version suffix) of the admin server's public certificate. */
    adminServerSecretArn: pulumi.Input<string>;
    /** One entry per Ranger plugin. */
    rangerPluginConfigurations: RangerPluginConfiguration[];
    /** Where Ranger sends audit events. */
    auditConfiguration?: RangerAuditConfiguration;
}

export interface RangerPluginConfiguration {
    /** `Spark`, `Hive` or `EMRFS-S3`. */
    app: pulumi.Input<string>;
    /** The Secrets Manager ARN of the plugin's private TLS certificate. */
    clientSecretArn: pulumi.Input<string>;
    /** The Ranger policy repository name. */
    policyRepositoryName: pulumi.Input<string>;
}

export interface RangerAuditConfiguration {
    /** Audit destinations. */
    destinations: RangerAuditDestinations;
}

export interface RangerAuditDestinations {
    /** Audit events to CloudWatch Logs. */
    amazonCloudWatchLogs: RangerCloudWatchLogs;
}

export interface RangerCloudWatchLogs {
    /** The CloudWatch Logs log-group ARN. */
    cloudWatchLogGroup: pulumi.Input<string>;
}

export interface InstanceMetadataServiceConfiguration {
    /** 2 requires IMDSv2 (EMR 5.23.1, 5.27.1, 5.32+, 6.2+); 1 allows IMDSv1 too. */
    minimumInstanceMetadataServiceVersion: pulumi.Input<number>;
    /** The PUT response hop limit, 1 to 64; 1 unless containers on the nodes need IMDS. */
    httpPutResponseHopLimit: pulumi.Input<number>;
}

export interface LegacyLakeFormationConfiguration {
    /** The S3 location of the identity provider's SAML metadata. */
    idpMetadataS3Path: pulumi.Input<string>;
    /** The IAM role ARN for EMR users. */
    emrRoleForUsersArn: pulumi.Input<string>;
    /** The IAM role ARN Lake Formation uses for SAML principals. */
    lakeFormationRoleForSamlPrincipalArn: pulumi.Input<string>;
}
