// The library entry: exports only, creates nothing on import.
export * from "./components/baselineDefaults";
export * from "./components/certificateFiles";
export * from "./components/inTransitCertificate";
export * from "./components/kerberos";
export * from "./components/kerberosSettings";
export * from "./components/kmsKey";
export * from "./components/kmsKeyPolicy";
export * from "./components/naming";
export * from "./components/secureEmrBaseline";
export * from "./components/securityConfiguration";
export * from "./components/securityConfigurationArgs";
export {
    argumentPath,
    buildSecurityConfiguration,
    BuildOptions,
    SecurityConfigurationError,
    SecurityConfigurationSpec,
} from "./components/securityConfigurationDocument";
export {
    parseSecurityConfiguration,
    Problem,
    SecurityConfigurationDocument,
    serializeSecurityConfiguration,
    validateSecurityConfiguration,
    ValidateOptions,
} from "./policies/model";
export { evaluatePolicies, EvaluateOptions, PolicyFinding, PolicyResource, UNKNOWN } from "./policies/evaluateLazily";
