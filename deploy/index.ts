// The deployable stack: a hardened EMR security configuration from stack config.
// Every key is documented in Pulumi.yaml and in the README's "Default settings".
import * as pulumi from "@pulumi/pulumi";
import { SecurityConfiguration } from "../components/securityConfiguration";

const config = new pulumi.Config();
const certificateS3Object = config.get("certificateS3Object");

const securityConfiguration = new SecurityConfiguration("emr", {
    namePrefix: config.get("namePrefix") ?? "emr-security",
    releaseLabel: config.get("releaseLabel") ?? "emr-7.5.0",
    encryptionConfiguration: {
        atRestEncryptionConfiguration: {
            s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: config.require("s3KmsKeyArn") },
            localDiskEncryptionConfiguration: {
                encryptionKeyProviderType: "AwsKms",
                awsKmsKey: config.require("localDiskKmsKeyArn"),
                enableEbsEncryption: true,
            },
        },
        inTransitEncryptionConfiguration: certificateS3Object
            ? { tlsCertificateConfiguration: { certificateProviderType: "PEM", s3Object: certificateS3Object } }
            : undefined,
    },
    authenticationConfiguration: {
        kerberosConfiguration: {
            provider: "ClusterDedicatedKdc",
            clusterDedicatedKdcConfiguration: { ticketLifetimeInHours: config.getNumber("ticketLifetimeInHours") ?? 24 },
        },
    },
    instanceMetadataServiceConfiguration: {
        minimumInstanceMetadataServiceVersion: 2,
        httpPutResponseHopLimit: config.getNumber("imdsHopLimit") ?? 1,
    },
});

export const securityConfigurationName = securityConfiguration.name;
export const configuration = securityConfiguration.configuration;
