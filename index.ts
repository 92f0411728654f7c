// The library entry: exports only, creates nothing on import. Every name here is part of the
// package's semver promise (see the CHANGELOG); helpers stay in their modules, unexported.

// Components, with their arguments and output types.
export { InTransitCertificate, InTransitCertificateArgs } from "./components/inTransitCertificate";
export { ClusterKerberosAttributes, Kerberos } from "./components/kerberos";
export { CrossRealmTrustArgs, ExternalKdcArgs, KerberosArgs } from "./components/kerberosSettings";
export { KmsKey, KmsKeyArgs } from "./components/kmsKey";
export { SecureEmrBaseline, SecureEmrBaselineArgs } from "./components/secureEmrBaseline";
export { SecurityConfiguration, SecurityConfigurationArgs } from "./components/securityConfiguration";
export {
    AdIntegrationConfigurationArgs,
    ApplicationScopedIamRoleConfigurationArgs,
    AtRestEncryptionConfigurationArgs,
    AuthenticationConfigurationArgs,
    AuthorizationConfigurationArgs,
    ClusterDedicatedKdcConfigurationArgs,
    CrossRealmTrustConfigurationArgs,
    EmrFsConfigurationArgs,
    EmrFsRoleMappingArgs,
    EmrWalEncryptionConfigurationArgs,
    EncryptionConfigurationArgs,
    ExternalKdcConfigurationArgs,
    IamConfigurationArgs,
    IdentityCenterConfigurationArgs,
    InstanceMetadataServiceConfigurationArgs,
    InTransitEncryptionConfigurationArgs,
    KerberosConfigurationArgs,
    LakeFormationConfigurationArgs,
    LegacyLakeFormationConfigurationArgs,
    LocalDiskEncryptionConfigurationArgs,
    RangerAuditConfigurationArgs,
    RangerAuditDestinationsArgs,
    RangerCloudWatchLogsArgs,
    RangerConfigurationArgs,
    RangerPluginConfigurationArgs,
    S3EncryptionConfigurationArgs,
    S3EncryptionOverrideArgs,
    SecretTagArgs,
    SecurityConfigurationDocumentArgs,
    TlsCertificateConfigurationArgs,
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
