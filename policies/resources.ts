/** Where each resource type this pack reads keeps the values it needs. */
export const CLASSIC_SECURITY_CONFIGURATION = "aws:emr/securityConfiguration:SecurityConfiguration";
export const NATIVE_SECURITY_CONFIGURATION = "aws-native:emr:SecurityConfiguration";
export const SECURITY_CONFIGURATION_TYPES = [CLASSIC_SECURITY_CONFIGURATION, NATIVE_SECURITY_CONFIGURATION];

/**
 * The security-configuration document a resource carries: a JSON string in `configuration`
 * (aws classic) or an object in `securityConfiguration` (aws-native, which also accepts a string).
 * `undefined` for other resource types. Reading an unknown value throws the framework's
 * UnknownValueError, which it reports as "cannot run during preview".
 */
export function securityConfigurationOf(type: string, props: Record<string, unknown>): unknown {
    if (type === CLASSIC_SECURITY_CONFIGURATION) {
        return props.configuration;
    }
    if (type === NATIVE_SECURITY_CONFIGURATION) {
        return props.securityConfiguration;
    }
    return undefined;
}
