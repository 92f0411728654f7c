// The library entry: exports only, creates nothing on import.
export * from "./components/naming";
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
export { evaluatePolicies, EvaluateOptions, PolicyFinding, PolicyResource, UNKNOWN } from "./policies/evaluate";
