// The library entry: exports only, creates nothing on import. Every name here is part of the
// package's semver promise (see the CHANGELOG); helpers stay in their modules, unexported.

// Components, with their arguments and output types.
export { CertificateSettings, InTransitCertificate, InTransitCertificateArgs } from "./components/inTransitCertificate";
export { ClusterKerberosAttributes, Kerberos } from "./components/kerberos";
export { CrossRealmTrust, ExternalKdc, KerberosArgs, KerberosSettings } from "./components/kerberosSettings";
export { KmsKey, KmsKeyArgs } from "./components/kmsKey";
export { SecureEmrBaseline, SecureEmrBaselineArgs } from "./components/secureEmrBaseline";
export { SecurityConfiguration, SecurityConfigurationArgs } from "./components/securityConfiguration";
export {
    AdIntegrationConfiguration,
    ApplicationScopedIamRoleConfiguration,
    AtRestEncryptionConfiguration,
    AuthenticationConfiguration,
    AuthorizationConfiguration,
    ClusterDedicatedKdcConfiguration,
    CrossRealmTrustConfiguration,
    EmrFsConfiguration,
    EmrFsRoleMapping,
    EmrWalEncryptionConfiguration,
    EncryptionConfiguration,
    ExternalKdcConfiguration,
    IamConfiguration,
    IdentityCenterConfiguration,
    InstanceMetadataServiceConfiguration,
    InTransitEncryptionConfiguration,
    KerberosConfiguration,
    LakeFormationConfiguration,
    LegacyLakeFormationConfiguration,
    LocalDiskEncryptionConfiguration,
    RangerAuditConfiguration,
    RangerAuditDestinations,
    RangerCloudWatchLogs,
    RangerConfiguration,
    RangerPluginConfiguration,
    S3EncryptionConfiguration,
    S3EncryptionOverride,
    SecretTag,
    SecurityConfigurationSections,
    TlsCertificateConfiguration,
} from "./components/securityConfigurationArgs";

// Cluster configurations: HDFS transparent encryption, and merging classifications.
export { ClusterConfiguration, mergeClusterConfigurations } from "./components/clusterConfigurations";
export { HdfsEncryptionZone, hdfsEncryptionZones, HdfsEncryptionZonesOptions } from "./components/hdfsEncryptionZones";

// The document builder, the validator and the parser.
export { buildSecurityConfiguration, BuildOptions, SecurityConfigurationSpec } from "./components/securityConfigurationDocument";
export { InvalidArgumentsError } from "./components/invalidArguments";
export {
    parseSecurityConfiguration,
    Problem,
    SecurityConfigurationDocument,
    serializeSecurityConfiguration,
    validateSecurityConfiguration,
    ValidateOptions,
} from "./policies/model";

// The policy pack's rules, run in process.
export { evaluatePolicies, EvaluateOptions, PolicyFinding, PolicyResource, UNKNOWN } from "./policies/evaluateLazily";
