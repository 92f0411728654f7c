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

export const CLUSTER_TYPES = ["aws:emr/cluster:Cluster", "aws-native:emr:Cluster"];
export const BLOCK_PUBLIC_ACCESS = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration";
export const CLASSIC_KMS_KEY = "aws:kms/key:Key";
export const NATIVE_KMS_KEY = "aws-native:kms:Key";
export const KMS_EXTERNAL_KEY = "aws:kms/externalKey:ExternalKey";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
/** Aliases: aws classic keeps the alias in `name`, aws-native in `aliasName`; both point with `targetKeyId`. */
export const KMS_ALIAS_TYPES = ["aws:kms/alias:Alias", "aws-native:kms:Alias"];
export const TLS_PRIVATE_KEY = "tls:index/privateKey:PrivateKey";
export const TLS_CERTIFICATES = ["tls:index/selfSignedCert:SelfSignedCert", "tls:index/locallySignedCert:LocallySignedCert"];
export const S3_BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const S3_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const S3_ENCRYPTION = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
export const S3_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_INSTANCE_PROFILE = "aws:iam/instanceProfile:InstanceProfile";

/** A KMS key's policy document, whichever resource shape carries it. */
export function keyPolicyOf(type: string, props: Record<string, unknown>): unknown {
    return type === NATIVE_KMS_KEY ? props.keyPolicy : props.policy;
}
