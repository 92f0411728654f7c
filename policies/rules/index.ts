import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { emrAtRestEncryption } from "./emr-at-rest-encryption";
import { emrBlockPublicAccess } from "./emr-block-public-access";
import { emrCertificateBucket } from "./emr-certificate-bucket";
import { emrClusterApplicationEncryption } from "./emr-cluster-application-encryption";
import { emrClusterApplicationEncryptionReview } from "./emr-cluster-application-encryption-review";
import { emrClusterKerberosAttributes } from "./emr-cluster-kerberos-attributes";
import { emrClusterLogging } from "./emr-cluster-logging";
import { emrClusterNetworkIsolation } from "./emr-cluster-network-isolation";
import { emrClusterNetworkIsolationReview } from "./emr-cluster-network-isolation-review";
import { emrClusterOperationalAccess } from "./emr-cluster-operational-access";
import { emrClusterSecurityConfiguration } from "./emr-cluster-security-configuration";
import { emrEbsEncryption } from "./emr-ebs-encryption";
import { emrEksJobTemplateEncryption } from "./emr-eks-job-template-encryption";
import { emrEksSecurityConfiguration } from "./emr-eks-security-configuration";
import { emrEksSparkEncryption } from "./emr-eks-spark-encryption";
import { emrEncryptionFlags } from "./emr-encryption-flags";
import { emrIdentityCenterAssignmentKey } from "./emr-identity-center-assignment-key";
import { emrImdsv2 } from "./emr-imdsv2";
import { emrInTransitEncryption } from "./emr-in-transit-encryption";
import { emrKerberosAuthentication } from "./emr-kerberos-authentication";
import { emrKmsKeyPolicy } from "./emr-kms-key-policy";
import { emrKmsKeyReference } from "./emr-kms-key-reference";
import { emrLocalDiskEncryption } from "./emr-local-disk-encryption";
import { emrS3Encryption } from "./emr-s3-encryption";
import { emrSecurityConfigurationValid } from "./emr-security-configuration-valid";
import { emrSeparateKmsKeys } from "./emr-separate-kms-keys";
import { emrTlsCertificate } from "./emr-tls-certificate";
import { emrServerlessInterworkerEncryption } from "./emr-serverless-interworker-encryption";
import { emrServerlessLogEncryption } from "./emr-serverless-log-encryption";
import { emrServerlessLogKeyPolicy } from "./emr-serverless-log-key-policy";
import { emrServerlessNetworkIsolation } from "./emr-serverless-network-isolation";
import { emrServerlessNetworkIsolationReview } from "./emr-serverless-network-isolation-review";
import { emrStudioEncryption } from "./emr-studio-encryption";
import { emrStudioNetworkIsolation } from "./emr-studio-network-isolation";
import { emrStudioNetworkIsolationReview } from "./emr-studio-network-isolation-review";
import { emrVpcEndpoint } from "./emr-vpc-endpoint";
import { kmsKeyDeletionWindow } from "./kms-key-deletion-window";
import { kmsKeyEnabled } from "./kms-key-enabled";
import { kmsKeyEnabledReview } from "./kms-key-enabled-review";
import { kmsKeyPolicyNoPublicPrincipal } from "./kms-key-policy-no-public-principal";
import { kmsKeyRotation } from "./kms-key-rotation";

export type Rule = ResourceValidationPolicy | StackValidationPolicy;

/** Every rule of the pack, in the order the pack lists them. Constructing nothing. */
export const RULES: Rule[] = [
    emrSecurityConfigurationValid,
    emrAtRestEncryption,
    emrS3Encryption,
    emrLocalDiskEncryption,
    emrEbsEncryption,
    emrInTransitEncryption,
    emrKerberosAuthentication,
    emrImdsv2,
    emrSeparateKmsKeys,
    emrKmsKeyReference,
    emrEncryptionFlags,
    emrIdentityCenterAssignmentKey,
    emrClusterSecurityConfiguration,
    emrClusterKerberosAttributes,
    emrClusterApplicationEncryption,
    emrClusterApplicationEncryptionReview,
    emrClusterNetworkIsolation,
    emrClusterNetworkIsolationReview,
    emrClusterLogging,
    emrClusterOperationalAccess,
    emrKmsKeyPolicy,
    emrCertificateBucket,
    emrTlsCertificate,
    emrBlockPublicAccess,
    emrVpcEndpoint,
    emrServerlessLogEncryption,
    emrServerlessLogKeyPolicy,
    emrServerlessNetworkIsolation,
    emrServerlessNetworkIsolationReview,
    emrServerlessInterworkerEncryption,
    emrStudioEncryption,
    emrStudioNetworkIsolation,
    emrStudioNetworkIsolationReview,
    emrEksJobTemplateEncryption,
    emrEksSparkEncryption,
    emrEksSecurityConfiguration,
    kmsKeyRotation,
    kmsKeyDeletionWindow,
    kmsKeyPolicyNoPublicPrincipal,
    kmsKeyEnabled,
    kmsKeyEnabledReview,
];
