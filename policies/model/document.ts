/**
 * TypeScript types of a *valid* EMR security-configuration document, as EMR spells it. A document
 * that `validateSecurityConfiguration` accepts has this type; anything else is `unknown` until then.
 * test/policies/model/documentTypes.test.ts ties every key and its optionality to the schema.
 */
export interface SecurityConfigurationDocument {
    EncryptionConfiguration?: EncryptionConfiguration;
    AuthenticationConfiguration?: AuthenticationConfiguration;
    AuthorizationConfiguration?: AuthorizationConfiguration;
    InstanceMetadataServiceConfiguration?: InstanceMetadataServiceConfiguration;
    /** The SAML-era Lake Formation integration (EMR 5.31.0+). */
    LakeFormationConfiguration?: LegacyLakeFormationConfiguration;
}

export interface EncryptionConfiguration {
    EnableInTransitEncryption?: boolean;
    EnableAtRestEncryption?: boolean;
    InTransitEncryptionConfiguration?: { TLSCertificateConfiguration: TlsCertificateConfiguration };
    AtRestEncryptionConfiguration?: {
        S3EncryptionConfiguration?: S3EncryptionConfiguration;
        LocalDiskEncryptionConfiguration?: LocalDiskEncryptionConfiguration;
    };
    EMRWALEncryptionConfiguration?: { AwsKmsKey?: string };
}

export interface TlsCertificateConfiguration {
    CertificateProviderType: string;
    S3Object?: string;
    CertificateProviderClass?: string;
    AwsKmsKey?: string;
    SecretTags?: { Key: string; Value: string }[];
    ValidityInDays?: number;
    WildcardDnsSuffix?: string;
    CACertificateSecretARN?: string;
}

export interface S3EncryptionConfiguration {
    EncryptionMode: string;
    AwsKmsKey?: string;
    S3Object?: string;
    EncryptionKeyProviderClass?: string;
    Overrides?: { BucketName: string; EncryptionMode: string; AwsKmsKey?: string }[];
}

export interface LocalDiskEncryptionConfiguration {
    EncryptionKeyProviderType: string;
    AwsKmsKey?: string;
    EnableEbsEncryption?: boolean;
    S3Object?: string;
    EncryptionKeyProviderClass?: string;
}

export interface AuthenticationConfiguration {
    KerberosConfiguration?: KerberosConfiguration;
    IdentityCenterConfiguration?: {
        EnableIdentityCenter: boolean;
        IdentityCenterInstanceARN?: string;
        IAMRoleForEMRIdentityCenterApplicationARN?: string;
        IdentityCenterApplicationAssignmentRequired?: boolean;
        /** The spelling AWS's own examples use; accepted, and advised against by a posture rule. */
        IdentityCenterApplicationAssigmentRequired?: boolean;
        /** EMR 7.11.0+. */
        EnableUserBackgroundSession?: boolean;
    };
}

export interface KerberosConfiguration {
    Provider: string;
    ClusterDedicatedKdcConfiguration?: {
        TicketLifetimeInHours?: number;
        CrossRealmTrustConfiguration?: CrossRealmTrustConfiguration;
    };
    ExternalKdcConfiguration?: {
        TicketLifetimeInHours?: number;
        KdcServerType: string;
        AdminServer: string;
        KdcServer: string;
        AdIntegrationConfiguration?: { AdRealm: string; AdDomain: string; AdServer?: string };
    };
}

export interface CrossRealmTrustConfiguration {
    Realm: string;
    Domain: string;
    AdminServer: string;
    KdcServer: string;
}

export interface AuthorizationConfiguration {
    EmrFsConfiguration?: { RoleMappings: { Role: string; IdentifierType: string; Identifiers: string[] }[] };
    IAMConfiguration?: {
        EnableApplicationScopedIAMRole: boolean;
        ApplicationScopedIAMRoleConfiguration?: { PropagateSourceIdentity?: boolean; ExternalId?: string };
    };
    LakeFormationConfiguration?: { AuthorizedSessionTagValue?: string; EnableLakeFormation?: boolean };
    RangerConfiguration?: {
        AdminServerURL: string;
        RoleForRangerPluginsARN: string;
        RoleForOtherAWSServicesARN: string;
        AdminServerSecretARN: string;
        RangerPluginConfigurations: { App: string; ClientSecretARN: string; PolicyRepositoryName: string }[];
        AuditConfiguration?: { Destinations: { AmazonCloudWatchLogs: { CloudWatchLogGroup: string } } };
    };
}

export interface InstanceMetadataServiceConfiguration {
    MinimumInstanceMetadataServiceVersion: number;
    HttpPutResponseHopLimit: number;
}

export interface LegacyLakeFormationConfiguration {
    IdpMetadataS3Path: string;
    EmrRoleForUsersARN: string;
    LakeFormationRoleForSAMLPrincipalARN: string;
}
