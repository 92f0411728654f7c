/**
 * The shape of an EMR security-configuration document, written down once.
 *
 * The validator reads documents against it, the serializer takes its key order from it, and the
 * components' builder maps camelCase arguments onto it through each field's `arg` name. Source:
 * the EMR Management Guide's security-configuration JSON reference (see policies/README.md, "What validity means").
 */
import { Format } from "./formats";

export type SchemaNode = ObjectNode | ArrayNode | StringNode | BooleanNode | IntegerNode;

export interface ObjectNode {
    kind: "object";
    /** The name the JSON reference gives this object, for messages. */
    name: string;
    /** In the order the serializer writes them. EMR rejects keys not listed here. */
    fields: readonly Field[];
}

export interface Field {
    key: string;
    /**
     * The camelCase argument that sets this key. Absent for keys that EMR adds itself when it
     * stores a document: they are accepted when read back but cannot be set.
     */
    arg?: string;
    node: SchemaNode;
    /** Required whenever the enclosing object is present. Conditional needs are cross-field rules. */
    required?: boolean;
}

export interface ArrayNode {
    kind: "array";
    items: SchemaNode;
    minItems?: number;
}

export interface StringNode {
    kind: "string";
    values?: readonly string[];
    format?: Format;
}

export interface BooleanNode {
    kind: "boolean";
}

export interface IntegerNode {
    kind: "integer";
    min?: number;
    max?: number;
    values?: readonly number[];
}

export const S3_ENCRYPTION_MODES = ["SSE-S3", "SSE-KMS", "CSE-KMS", "CSE-Custom"] as const;
/** Per-bucket overrides: only these modes are documented; CSE-Custom there is unverified, so refused. */
export const OVERRIDE_ENCRYPTION_MODES = ["SSE-S3", "SSE-KMS", "CSE-KMS"] as const;
export const LOCAL_DISK_PROVIDERS = ["AwsKms", "Custom"] as const;
export const CERTIFICATE_PROVIDERS = ["PEM", "Custom", "EMR"] as const;
export const KERBEROS_PROVIDERS = ["ClusterDedicatedKdc", "ExternalKdc"] as const;
export const KDC_SERVER_TYPES = ["Single"] as const;
export const IDENTIFIER_TYPES = ["User", "Group", "Prefix"] as const;
/** The Ranger plugins EMR documents (Management Guide, "Apache Ranger plugins"). */
export const RANGER_APPS = ["Spark", "Hive", "EMRFS-S3", "Trino"] as const;
export const LAKE_FORMATION_SESSION_TAG = "Amazon EMR";

const bool: BooleanNode = { kind: "boolean" };
const str = (format?: Format): StringNode => ({ kind: "string", format });
const oneOf = (values: readonly string[]): StringNode => ({ kind: "string", values });
const object = (name: string, fields: Field[]): ObjectNode => ({ kind: "object", name, fields });
const list = (items: SchemaNode, minItems = 1): ArrayNode => ({ kind: "array", items, minItems });
const ticketLifetime: IntegerNode = { kind: "integer", min: 1 };

const tlsCertificate = object("TLSCertificateConfiguration", [
    { key: "CertificateProviderType", arg: "certificateProviderType", node: oneOf(CERTIFICATE_PROVIDERS), required: true },
    // The extension (.zip for PEM, .jar for Custom) is checked by a cross-field rule.
    { key: "S3Object", arg: "s3Object", node: str() },
    { key: "CertificateProviderClass", arg: "certificateProviderClass", node: str("javaClass") },
    { key: "AwsKmsKey", arg: "awsKmsKey", node: str("kmsKey") },
    {
        key: "SecretTags",
        arg: "secretTags",
        node: list(
            object("SecretTags item", [
                { key: "Key", arg: "key", node: str("nonBlank"), required: true },
                { key: "Value", arg: "value", node: str(), required: true },
            ]),
        ),
    },
    { key: "ValidityInDays", arg: "validityInDays", node: { kind: "integer", min: 1 } },
    { key: "WildcardDnsSuffix", arg: "wildcardDnsSuffix", node: str("dnsName") },
    // Added by EMR to the stored document for the EMR provider.
    { key: "CACertificateSecretARN", node: str("secretArn") },
]);

const s3Override = object("Overrides item", [
    { key: "BucketName", arg: "bucketName", node: str("bucketName"), required: true },
    { key: "EncryptionMode", arg: "encryptionMode", node: oneOf(OVERRIDE_ENCRYPTION_MODES), required: true },
    { key: "AwsKmsKey", arg: "awsKmsKey", node: str("kmsKey") },
]);

const encryption = object("EncryptionConfiguration", [
    { key: "EnableInTransitEncryption", arg: "enableInTransitEncryption", node: bool },
    { key: "EnableAtRestEncryption", arg: "enableAtRestEncryption", node: bool },
    {
        key: "InTransitEncryptionConfiguration",
        arg: "inTransitEncryptionConfiguration",
        node: object("InTransitEncryptionConfiguration", [
            { key: "TLSCertificateConfiguration", arg: "tlsCertificateConfiguration", node: tlsCertificate, required: true },
        ]),
    },
    {
        key: "AtRestEncryptionConfiguration",
        arg: "atRestEncryptionConfiguration",
        node: object("AtRestEncryptionConfiguration", [
            {
                key: "S3EncryptionConfiguration",
                arg: "s3EncryptionConfiguration",
                node: object("S3EncryptionConfiguration", [
                    { key: "EncryptionMode", arg: "encryptionMode", node: oneOf(S3_ENCRYPTION_MODES), required: true },
                    { key: "AwsKmsKey", arg: "awsKmsKey", node: str("kmsKey") },
                    { key: "S3Object", arg: "s3Object", node: str("s3Jar") },
                    { key: "EncryptionKeyProviderClass", arg: "encryptionKeyProviderClass", node: str("javaClass") },
                    { key: "Overrides", arg: "overrides", node: list(s3Override) },
                ]),
            },
            {
                key: "LocalDiskEncryptionConfiguration",
                arg: "localDiskEncryptionConfiguration",
                node: object("LocalDiskEncryptionConfiguration", [
                    {
                        key: "EncryptionKeyProviderType",
                        arg: "encryptionKeyProviderType",
                        node: oneOf(LOCAL_DISK_PROVIDERS),
                        required: true,
                    },
                    { key: "AwsKmsKey", arg: "awsKmsKey", node: str("kmsKey") },
                    { key: "EnableEbsEncryption", arg: "enableEbsEncryption", node: bool },
                    { key: "S3Object", arg: "s3Object", node: str("s3Jar") },
                    { key: "EncryptionKeyProviderClass", arg: "encryptionKeyProviderClass", node: str("javaClass") },
                ]),
            },
        ]),
    },
    {
        key: "EMRWALEncryptionConfiguration",
        arg: "emrWalEncryptionConfiguration",
        node: object("EMRWALEncryptionConfiguration", [{ key: "AwsKmsKey", arg: "awsKmsKey", node: str("kmsKey") }]),
    },
]);

const crossRealmTrust = object("CrossRealmTrustConfiguration", [
    { key: "Realm", arg: "realm", node: str("nonBlank"), required: true },
    { key: "Domain", arg: "domain", node: str("dnsName"), required: true },
    { key: "AdminServer", arg: "adminServer", node: str("hostPort"), required: true },
    { key: "KdcServer", arg: "kdcServer", node: str("hostPort"), required: true },
]);

const authentication = object("AuthenticationConfiguration", [
    {
        key: "KerberosConfiguration",
        arg: "kerberosConfiguration",
        node: object("KerberosConfiguration", [
            { key: "Provider", arg: "provider", node: oneOf(KERBEROS_PROVIDERS), required: true },
            {
                key: "ClusterDedicatedKdcConfiguration",
                arg: "clusterDedicatedKdcConfiguration",
                node: object("ClusterDedicatedKdcConfiguration", [
                    { key: "TicketLifetimeInHours", arg: "ticketLifetimeInHours", node: ticketLifetime },
                    { key: "CrossRealmTrustConfiguration", arg: "crossRealmTrustConfiguration", node: crossRealmTrust },
                ]),
            },
            {
                key: "ExternalKdcConfiguration",
                arg: "externalKdcConfiguration",
                node: object("ExternalKdcConfiguration", [
                    { key: "TicketLifetimeInHours", arg: "ticketLifetimeInHours", node: ticketLifetime },
                    { key: "KdcServerType", arg: "kdcServerType", node: oneOf(KDC_SERVER_TYPES), required: true },
                    { key: "AdminServer", arg: "adminServer", node: str("hostPort"), required: true },
                    { key: "KdcServer", arg: "kdcServer", node: str("hostPort"), required: true },
                    {
                        key: "AdIntegrationConfiguration",
                        arg: "adIntegrationConfiguration",
                        node: object("AdIntegrationConfiguration", [
                            { key: "AdRealm", arg: "adRealm", node: str("nonBlank"), required: true },
                            { key: "AdDomain", arg: "adDomain", node: str("dnsName"), required: true },
                            // Optional: AWS's own ExtKDCWithADIntegration example omits it.
                            { key: "AdServer", arg: "adServer", node: str("hostPort") },
                        ]),
                    },
                ]),
            },
        ]),
    },
    {
        key: "IdentityCenterConfiguration",
        arg: "identityCenterConfiguration",
        node: object("IdentityCenterConfiguration", [
            { key: "EnableIdentityCenter", arg: "enableIdentityCenter", node: bool, required: true },
            { key: "IdentityCenterInstanceARN", arg: "identityCenterInstanceArn", node: str("ssoInstanceArn") },
            { key: "IAMRoleForEMRIdentityCenterApplicationARN", arg: "iamRoleForEmrIdentityCenterApplicationArn", node: str("iamRoleArn") },
            { key: "IdentityCenterApplicationAssignmentRequired", arg: "identityCenterApplicationAssignmentRequired", node: bool },
            // The spelling AWS's own examples use; which one the API wants is unknown, so both are
            // accepted and a posture rule advises the one the prose uses. Not settable.
            { key: "IdentityCenterApplicationAssigmentRequired", node: bool },
            { key: "EnableUserBackgroundSession", arg: "enableUserBackgroundSession", node: bool },
        ]),
    },
]);

const authorization = object("AuthorizationConfiguration", [
    {
        key: "EmrFsConfiguration",
        arg: "emrFsConfiguration",
        node: object("EmrFsConfiguration", [
            {
                key: "RoleMappings",
                arg: "roleMappings",
                required: true,
                node: list(
                    object("RoleMappings item", [
                        { key: "Role", arg: "role", node: str("iamRoleArn"), required: true },
                        { key: "IdentifierType", arg: "identifierType", node: oneOf(IDENTIFIER_TYPES), required: true },
                        { key: "Identifiers", arg: "identifiers", node: list(str("nonBlank")), required: true },
                    ]),
                ),
            },
        ]),
    },
    {
        key: "IAMConfiguration",
        arg: "iamConfiguration",
        node: object("IAMConfiguration", [
            { key: "EnableApplicationScopedIAMRole", arg: "enableApplicationScopedIamRole", node: bool, required: true },
            {
                key: "ApplicationScopedIAMRoleConfiguration",
                arg: "applicationScopedIamRoleConfiguration",
                node: object("ApplicationScopedIAMRoleConfiguration", [
                    { key: "PropagateSourceIdentity", arg: "propagateSourceIdentity", node: bool },
                    // Added by EMR to the stored document.
                    { key: "ExternalId", node: str() },
                ]),
            },
        ]),
    },
    {
        key: "LakeFormationConfiguration",
        arg: "lakeFormationConfiguration",
        // AWS's EMR Identity Center setup page, and its page on trusted identity propagation for EMR
        // on EC2, write {"EnableLakeFormation": true} here; no AWS page makes the session tag value
        // required. Both keys are optional, as EMR accepts them.
        node: object("LakeFormationConfiguration", [
            { key: "AuthorizedSessionTagValue", arg: "authorizedSessionTagValue", node: oneOf([LAKE_FORMATION_SESSION_TAG]) },
            { key: "EnableLakeFormation", arg: "enableLakeFormation", node: bool },
        ]),
    },
    {
        key: "RangerConfiguration",
        arg: "rangerConfiguration",
        node: object("RangerConfiguration", [
            { key: "AdminServerURL", arg: "adminServerUrl", node: str("httpsUrl"), required: true },
            { key: "RoleForRangerPluginsARN", arg: "roleForRangerPluginsArn", node: str("iamRoleArn"), required: true },
            { key: "RoleForOtherAWSServicesARN", arg: "roleForOtherAwsServicesArn", node: str("iamRoleArn"), required: true },
            { key: "AdminServerSecretARN", arg: "adminServerSecretArn", node: str("secretArn"), required: true },
            {
                key: "RangerPluginConfigurations",
                arg: "rangerPluginConfigurations",
                required: true,
                node: list(
                    object("RangerPluginConfigurations item", [
                        { key: "App", arg: "app", node: oneOf(RANGER_APPS), required: true },
                        { key: "ClientSecretARN", arg: "clientSecretArn", node: str("secretArn"), required: true },
                        { key: "PolicyRepositoryName", arg: "policyRepositoryName", node: str("nonBlank"), required: true },
                    ]),
                ),
            },
            {
                key: "AuditConfiguration",
                arg: "auditConfiguration",
                node: object("AuditConfiguration", [
                    {
                        key: "Destinations",
                        arg: "destinations",
                        required: true,
                        node: object("Destinations", [
                            {
                                key: "AmazonCloudWatchLogs",
                                arg: "amazonCloudWatchLogs",
                                required: true,
                                node: object("AmazonCloudWatchLogs", [
                                    { key: "CloudWatchLogGroup", arg: "cloudWatchLogGroup", node: str("logGroupArn"), required: true },
                                ]),
                            },
                        ]),
                    },
                ]),
            },
        ]),
    },
]);

const instanceMetadataService = object("InstanceMetadataServiceConfiguration", [
    {
        key: "MinimumInstanceMetadataServiceVersion",
        arg: "minimumInstanceMetadataServiceVersion",
        node: { kind: "integer", values: [1, 2] },
        required: true,
    },
    { key: "HttpPutResponseHopLimit", arg: "httpPutResponseHopLimit", node: { kind: "integer", min: 1, max: 64 }, required: true },
]);

const legacyLakeFormation = object("LakeFormationConfiguration", [
    { key: "IdpMetadataS3Path", arg: "idpMetadataS3Path", node: str("s3Path"), required: true },
    { key: "EmrRoleForUsersARN", arg: "emrRoleForUsersArn", node: str("iamRoleArn"), required: true },
    { key: "LakeFormationRoleForSAMLPrincipalARN", arg: "lakeFormationRoleForSamlPrincipalArn", node: str("iamRoleArn"), required: true },
]);

/** The whole document. */
export const DOCUMENT: ObjectNode = object("the security configuration", [
    { key: "EncryptionConfiguration", arg: "encryptionConfiguration", node: encryption },
    { key: "AuthenticationConfiguration", arg: "authenticationConfiguration", node: authentication },
    { key: "AuthorizationConfiguration", arg: "authorizationConfiguration", node: authorization },
    { key: "InstanceMetadataServiceConfiguration", arg: "instanceMetadataServiceConfiguration", node: instanceMetadataService },
    // The top-level key is the SAML-era Lake Formation integration (5.31.0+); its argument says so.
    { key: "LakeFormationConfiguration", arg: "legacyLakeFormationConfiguration", node: legacyLakeFormation },
]);
