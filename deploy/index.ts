// The deployable stack: the secure EMR baseline from stack config. Every key is declared in
// Pulumi.yaml and documented in docs/components.md, "Default settings"; an unset override keeps the
// baseline's secure default.
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import * as pulumi from "@pulumi/pulumi";
import { KerberosArgs } from "../components/kerberosSettings";
import { SecureEmrBaseline } from "../components/secureEmrBaseline";
import { roleArn } from "./roles";

const config = new pulumi.Config();
const awsConfig = new pulumi.Config("aws");

const accountId = config.get("accountId") ?? getCallerIdentityOutput().accountId;
const partition = config.get("partition") ?? getPartitionOutput().partition;
const role = (nameOrArn: string) => pulumi.all([partition, accountId]).apply(([p, a]) => roleArn(nameOrArn, p, a));

function kerberosFromConfig(): KerberosArgs | undefined {
    const realm = config.get("kerberosRealm");
    if (realm === undefined) {
        return undefined;
    }
    const trustRealm = config.get("crossRealmTrustRealm");
    const externalKdcServer = config.get("externalKdcServer");
    return {
        provider: config.get("kerberosProvider"),
        realm,
        ticketLifetimeInHours: config.getNumber("ticketLifetimeInHours"),
        crossRealmTrust: trustRealm
            ? {
                  realm: trustRealm,
                  domain: config.require("crossRealmTrustDomain"),
                  adminServer: config.require("crossRealmTrustAdminServer"),
                  kdcServer: config.require("crossRealmTrustKdcServer"),
                  activeDirectory: config.getBoolean("crossRealmTrustIsActiveDirectory"),
              }
            : undefined,
        externalKdc: externalKdcServer
            ? { adminServer: config.require("externalKdcAdminServer"), kdcServer: externalKdcServer }
            : undefined,
        kdcAdminPassword: config.getSecret("kdcAdminPassword"),
        crossRealmTrustPrincipalPassword: config.getSecret("crossRealmTrustPassword"),
        adDomainJoinUser: config.get("adDomainJoinUser"),
        adDomainJoinPassword: config.getSecret("adDomainJoinPassword"),
    };
}

const extraDnsNames = config.getObject<string[]>("certificateExtraDnsNames");
const certificateValidityHours = config.getNumber("certificateValidityHours");

const baseline = new SecureEmrBaseline("emr", {
    instanceProfileRoleArn: role(config.get("instanceProfileRole") ?? "EMR_EC2_DefaultRole"),
    serviceRoleArn: role(config.get("serviceRole") ?? "EMR_DefaultRole_V2"),
    dataRoleArns: (config.getObject<string[]>("dataRoles") ?? []).map(role),
    keyAdminRoleArns: (config.getObject<string[]>("keyAdminRoles") ?? []).map(role),
    releaseLabel: config.get("releaseLabel") ?? "emr-7.5.0",
    region: awsConfig.get("region"),
    accountId,
    partition,
    namePrefix: config.get("namePrefix") ?? "emr-security",
    s3EncryptionMode: config.get("s3EncryptionMode"),
    s3KmsKeyArn: config.get("s3KmsKeyArn"),
    localDiskKmsKeyArn: config.get("localDiskKmsKeyArn"),
    separateKeys: config.getBoolean("separateKeys"),
    enableEbsEncryption: config.getBoolean("enableEbsEncryption"),
    inTransitEncryption: config.getBoolean("inTransitEncryption"),
    certificate: extraDnsNames || certificateValidityHours ? { extraDnsNames, validityHours: certificateValidityHours } : undefined,
    certificateS3Object: config.get("certificateS3Object"),
    requireImdsV2: config.getBoolean("requireImdsV2"),
    imdsHopLimit: config.getNumber("imdsHopLimit"),
    kerberos: kerberosFromConfig(),
    protectKeys: config.getBoolean("protectKeys"),
    keyDeletionWindowInDays: config.getNumber("keyDeletionWindowInDays"),
    serverlessLogs: config.getBoolean("serverlessLogs"),
});

export const securityConfigurationName = baseline.securityConfigurationName;
export const configuration = baseline.configuration;
export const kerberosAttributes = baseline.kerberosAttributes;
export const s3KmsKeyArn = baseline.s3KmsKeyArn;
export const localDiskKmsKeyArn = baseline.localDiskKmsKeyArn;
export const logEncryptionKmsKeyArn = baseline.logEncryptionKmsKeyArn;
export const certificateS3Uri = baseline.certificateS3Uri;
