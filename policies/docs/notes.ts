/**
 * What each rule's page says beyond the rule's own metadata: why it matters, the fact behind it
 * (a section of reference/emr.md), and a non-compliant and a compliant example. The pages
 * (`<rule>.md` here) are written from this table and the rules by `npm run docs:rules`; a test
 * fails when a page is missing, stale, or names no rule.
 */

export interface RuleNote {
    why: string;
    /** The section of reference/emr.md that states the fact, as its heading reads. */
    fact: string;
    bad: string;
    good: string;
}

const SC = "aws.emr.SecurityConfiguration";
const BASELINE = `const baseline = new SecureEmrBaseline("analytics", {
    instanceProfileRoleArn: instanceRole.arn,
    serviceRoleArn: serviceRole.arn,
    releaseLabel: "emr-7.5.0",
});`;

const document = (json: string) => `new ${SC}("analytics", {
    configuration: JSON.stringify(${json}),
});`;

export const RULE_NOTES: Record<string, RuleNote> = {
    "emr-security-configuration-valid": {
        why: 'EMR refuses a document with an unknown key, a wrong type or a missing dependency when the cluster is created, long after the preview; a string "true" where EMR wants a boolean may be read as off.',
        fact: "1.3 Cross-field rules",
        bad: document(
            `{ EncryptionConfiguration: { EnableAtRestEncryption: "true", AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS" } } } }`,
        ),
        good: `new SecurityConfiguration("analytics", {
    encryptionConfiguration: {
        atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: key.arn } },
    },
});`,
    },
    "emr-at-rest-encryption": {
        why: "Without it EMRFS writes S3 data and nodes write local disks in the clear, whatever the sections say.",
        fact: "1.3 Cross-field rules",
        bad: document(
            `{ EncryptionConfiguration: { EnableAtRestEncryption: false, EnableInTransitEncryption: true, InTransitEncryptionConfiguration: tls } }`,
        ),
        good: BASELINE,
    },
    "emr-s3-encryption": {
        why: "SSE-S3 uses keys S3 manages, outside your key policy and without a CloudTrail record of each key use; a KMS mode without a key does not work.",
        fact: "2. KMS keys and who must use them",
        bad: document(
            `{ EncryptionConfiguration: { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } } } }`,
        ),
        good: `${BASELINE}
// s3EncryptionMode defaults to SSE-KMS with a key the baseline creates.`,
    },
    "emr-local-disk-encryption": {
        why: "Instance store and EBS volumes hold shuffle data, spills and HDFS blocks; without a provider they are not encrypted by EMR.",
        fact: "2. KMS keys and who must use them",
        bad: document(
            `{ EncryptionConfiguration: { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: s3 } } }`,
        ),
        good: BASELINE,
    },
    "emr-ebs-encryption": {
        why: "Without EnableEbsEncryption, data volumes get LUKS inside the OS and root volumes nothing, and EC2 reports the volumes unencrypted.",
        fact: "1.3 Cross-field rules",
        bad: document(
            `{ EncryptionConfiguration: { EnableAtRestEncryption: true, AtRestEncryptionConfiguration: { LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: keyArn } } } }`,
        ),
        good: `${BASELINE}
// enableEbsEncryption defaults to true, and the service role may use the disk key.`,
    },
    "emr-in-transit-encryption": {
        why: "Without it Hadoop, Spark, Presto and the web UIs talk in the clear between nodes, credentials and data included.",
        fact: "3. The in-transit certificate zip (`PEM` provider)",
        bad: document(
            `{ EncryptionConfiguration: { EnableInTransitEncryption: false, EnableAtRestEncryption: true, AtRestEncryptionConfiguration: atRest } }`,
        ),
        good: `${BASELINE}
// inTransitEncryption defaults to true, with a generated certificate zip in a hardened bucket.`,
    },
    "emr-kerberos-authentication": {
        why: "Without Kerberos any process on the network can act as any Hadoop user; a long ticket lifetime keeps a stolen ticket useful.",
        fact: "1.2 Kerberos section",
        bad: document(`{ EncryptionConfiguration: encryption }`),
        good: `const baseline = new SecureEmrBaseline("analytics", {
    instanceProfileRoleArn: instanceRole.arn,
    serviceRoleArn: serviceRole.arn,
    kerberos: { realm: "EC2.INTERNAL" },
});`,
    },
    "emr-imdsv2": {
        why: "IMDSv1 answers any request, so a server-side request forgery on a node can read the instance role's credentials.",
        fact: "6. Controls around the cluster",
        bad: document(`{ EncryptionConfiguration: encryption }`),
        good: `${BASELINE}
// requireImdsV2 defaults to true, with a hop limit of 1.`,
    },
    "emr-separate-kms-keys": {
        why: "One key for S3 data and disks gives every role that reads the data the disks too, and a single key policy to get wrong.",
        fact: "2. KMS keys and who must use them",
        bad: `${BASELINE.replace('releaseLabel: "emr-7.5.0",', "separateKeys: false,")}`,
        good: BASELINE,
    },
    "emr-kms-key-reference": {
        why: "An alias or key id can be repointed, and says nothing of the account; key-policy checks need the key itself.",
        fact: "1.3 Cross-field rules",
        bad: `s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: "alias/emr-data" }`,
        good: `s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: key.arn }`,
    },
    "emr-encryption-flags": {
        why: "EMR ignores a section whose enable flag is false or missing: the document reads encrypted but is not.",
        fact: "1.3 Cross-field rules",
        bad: document(`{ EncryptionConfiguration: { EnableAtRestEncryption: false, AtRestEncryptionConfiguration: atRest } }`),
        good: `new SecurityConfiguration("analytics", { encryptionConfiguration: { atRestEncryptionConfiguration: atRest } });
// enableAtRestEncryption defaults to whether the section is given.`,
    },
    "emr-identity-center-assignment-key": {
        why: "Some AWS examples misspell the key; the documented spelling is the one to rely on.",
        fact: "1.3 Cross-field rules",
        bad: `IdentityCenterConfiguration: { EnableIdentityCenter: true, IdentityCenterApplicationAssigmentRequired: true }`,
        good: `IdentityCenterConfiguration: { EnableIdentityCenter: true, IdentityCenterApplicationAssignmentRequired: true }`,
    },
    "emr-cluster-security-configuration": {
        why: "A cluster without a security configuration runs without EMR's encryption and authentication settings.",
        fact: "1.1 Top level",
        bad: `new aws.emr.Cluster("analytics", { releaseLabel: "emr-7.5.0", serviceRole: serviceRole.arn /* no securityConfiguration */ });`,
        good: `new aws.emr.Cluster("analytics", { releaseLabel: "emr-7.5.0", serviceRole: serviceRole.arn, securityConfiguration: baseline.securityConfigurationName });`,
    },
    "emr-cluster-kerberos-attributes": {
        why: "EMR refuses a Kerberos security configuration without the cluster's Kerberos attributes, and the reverse.",
        fact: "4. Kerberos attributes of the cluster",
        bad: `new aws.emr.Cluster("analytics", { securityConfiguration: kerberizedConfiguration.name /* no kerberosAttributes */ });`,
        good: `new aws.emr.Cluster("analytics", {
    securityConfiguration: baseline.securityConfigurationName,
    kerberosAttributes: baseline.kerberosAttributes,
});`,
    },
    "emr-cluster-application-encryption": {
        why: "An application classification can switch off what the security configuration turned on, and EMR applies it without a word.",
        fact: "5.2 What the security configuration turns on, and what undoes it",
        bad: `configurationsJson: JSON.stringify([{ Classification: "core-site", Properties: { "hadoop.rpc.protection": "authentication" } }])`,
        good: `configurationsJson: baseline.clusterConfigurationsJson // merge your own with mergeClusterConfigurations`,
    },
    "emr-cluster-application-encryption-review": {
        why: "Some opt-outs are documented workarounds, some keys are not verified, and some configurations cannot be read before deployment: each deserves a look.",
        fact: "5.3 Documented overrides that are advice, not violations",
        bad: `configurations: "https://config.example.com/emr.json" // read by the provider at deploy time`,
        good: `configurationsJson: JSON.stringify(mergeClusterConfigurations(JSON.parse(baselineJson), mine))`,
    },
    "emr-cluster-network-isolation": {
        why: "A node with a public IP, a route to an internet gateway, or a security group open to the world can be reached from anywhere.",
        fact: "6. Controls around the cluster",
        bad: `ec2Attributes: { subnetId: publicSubnet.id /* mapPublicIpOnLaunch: true, route to an internet gateway */ }`,
        good: `ec2Attributes: { subnetId: privateSubnet.id, emrManagedMasterSecurityGroup: primary.id, emrManagedSlaveSecurityGroup: core.id }`,
    },
    "emr-cluster-network-isolation-review": {
        why: "A subnet or security group managed in another stack cannot be verified from this one.",
        fact: "6. Controls around the cluster",
        bad: `ec2Attributes: { subnetId: "subnet-0123456789abcdef0" /* managed elsewhere */ }`,
        good: `ec2Attributes: { subnetId: privateSubnet.id /* managed in this stack */ }`,
    },
    "emr-cluster-logging": {
        why: "Without logs in S3, what a step or node did is gone with the nodes; without a KMS key they are outside your key policy.",
        fact: "6. Controls around the cluster",
        bad: `new aws.emr.Cluster("analytics", { releaseLabel: "emr-7.5.0" /* no logUri */ });`,
        good: `new aws.emr.Cluster("analytics", { logUri: "s3://acme-emr-logs/analytics/", logEncryptionKmsKeyId: baseline.logEncryptionKmsKeyArn });`,
    },
    "emr-cluster-operational-access": {
        why: "A shared EC2 key pair lets anyone who holds it in as hadoop, and no log says who.",
        fact: "6. Controls around the cluster",
        bad: `ec2Attributes: { keyName: "emr-shared", subnetId: privateSubnet.id }`,
        good: `ec2Attributes: { subnetId: privateSubnet.id } // reach nodes with SSM Session Manager or Kerberos`,
    },
    "emr-kms-key-policy": {
        why: "EMR fails to start, or to write, when a role it uses cannot use the key; the key policy is where that is granted.",
        fact: "2. KMS keys and who must use them",
        bad: `new aws.kms.Key("emr", { policy: JSON.stringify(rootOnlyPolicy) }); // no statement for the EMR roles`,
        good: `new KmsKey("emr", { keyUserRoleArns: [instanceRole.arn], ebsServiceRoleArns: [serviceRole.arn] });`,
    },
    "emr-certificate-bucket": {
        why: "The certificate zip holds the private key every node serves TLS with.",
        fact: "3. The in-transit certificate zip (`PEM` provider)",
        bad: `new aws.s3.BucketV2("certs"); // no public access block, no default encryption, no TLS-only policy`,
        good: `new InTransitCertificate("tls", { region: "eu-west-1" }); // creates a hardened bucket`,
    },
    "emr-tls-certificate": {
        why: "Java 17 on EMR 7.x refuses weak keys, and a long-lived certificate is a long-lived risk.",
        fact: "3. The in-transit certificate zip (`PEM` provider)",
        bad: `new tls.PrivateKey("key", { algorithm: "RSA", rsaBits: 1024 });`,
        good: `new tls.PrivateKey("key", { algorithm: "RSA", rsaBits: 2048 });`,
    },
    "emr-block-public-access": {
        why: "Block public access is what stops any cluster of the account from opening its security groups to the world.",
        fact: "6. Controls around the cluster",
        bad: `new aws.emr.BlockPublicAccessConfiguration("bpa", { blockPublicSecurityGroupRules: false });`,
        good: `new aws.emr.BlockPublicAccessConfiguration("bpa", {
    blockPublicSecurityGroupRules: true,
    permittedPublicSecurityGroupRuleRanges: [{ minRange: 22, maxRange: 22 }],
});`,
    },
    "emr-vpc-endpoint": {
        why: "Without an interface endpoint, calls to the EMR API leave the VPC through an internet gateway.",
        fact: "6. Controls around the cluster",
        bad: `// a VPC that runs clusters, with an internet gateway and no EMR endpoint`,
        good: `new aws.ec2.VpcEndpoint("emr", {
    vpcId: vpc.id,
    serviceName: "com.amazonaws.eu-west-1.elasticmapreduce",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
});`,
    },
    "emr-serverless-log-encryption": {
        why: "Job logs hold what Spark and Hive print: queries, schemas, sometimes data and secrets. EMR Serverless keeps them in managed storage by default, and sends them to S3 or CloudWatch when asked; each needs a key you control.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emrserverless.Application("spark", { releaseLabel: "emr-7.5.0", type: "spark" });`,
        good: `new aws.emrserverless.Application("spark", {
    releaseLabel: "emr-7.5.0",
    type: "spark",
    monitoringConfiguration: {
        managedPersistenceMonitoringConfiguration: { encryptionKeyArn: baseline.logEncryptionKmsKeyArn },
        s3MonitoringConfiguration: { logUri: "s3://acme-logs/spark/", encryptionKeyArn: baseline.logEncryptionKmsKeyArn },
    },
});`,
    },
    "emr-serverless-log-key-policy": {
        why: "A key whose policy leaves EMR Serverless out cannot encrypt the logs it is named for: the service principal gets no access from IAM policies, only from the key policy.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.kms.Key("logs", { policy: JSON.stringify(rootOnlyPolicy) }); // named in managedPersistenceMonitoringConfiguration`,
        good: `new KmsKey("logs", { keyUserRoleArns: [jobRole.arn], allowEmrServerlessLogs: true });`,
    },
    "emr-serverless-network-isolation": {
        why: "Workers in a public subnet, or behind a group open to the world, are one mistake from the internet; an application without a VPC of yours has no network control of yours at all.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emrserverless.Application("spark", { releaseLabel: "emr-7.5.0", type: "spark" /* no networkConfiguration */ });`,
        good: `networkConfiguration: { subnetIds: [privateSubnet.id], securityGroupIds: [workers.id] }`,
    },
    "emr-serverless-network-isolation-review": {
        why: "A subnet or security group managed in another stack cannot be verified from this one.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `networkConfiguration: { subnetIds: ["subnet-0123456789abcdef0"] /* managed elsewhere, no groups */ }`,
        good: `networkConfiguration: { subnetIds: [privateSubnet.id], securityGroupIds: [workers.id] /* managed in this stack */ }`,
    },
    "emr-serverless-interworker-encryption": {
        why: "Spark workers exchange shuffle data, which is the job's data, and control messages; without mutual TLS they cross the network in clear.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emrserverless.Application("spark", { releaseLabel: "emr-7.5.0", type: "spark" });`,
        good: `runtimeConfigurations: [{ classification: "spark-defaults", properties: { "spark.ssl.internode.enabled": "true" } }]`,
    },
    "emr-studio-encryption": {
        why: "Workspaces and notebooks backed up to S3 hold code, credentials typed into cells and query results.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emr.Studio("notebooks", { authMode: "IAM", defaultS3Location: "s3://acme-studio/", /* no encryptionKeyArn */ });`,
        good: `new aws.emr.Studio("notebooks", { authMode: "SSO", defaultS3Location: "s3://acme-studio/", encryptionKeyArn: key.arn });`,
    },
    "emr-studio-network-isolation": {
        why: "Workspaces reach clusters through the Studio's subnets and its Workspace and engine groups; a public subnet or a group open to the world exposes notebooks and the clusters they attach to.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emr.Studio("notebooks", { subnetIds: [publicSubnet.id], engineSecurityGroupId: openToWorld.id, /* ... */ });`,
        good: `new aws.emr.Studio("notebooks", { subnetIds: [privateSubnet.id], workspaceSecurityGroupId: workspace.id, engineSecurityGroupId: engine.id, /* ... */ });`,
    },
    "emr-studio-network-isolation-review": {
        why: "A subnet or security group managed in another stack cannot be verified from this one.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `workspaceSecurityGroupId: "sg-0123456789abcdef0" /* managed elsewhere */`,
        good: `workspaceSecurityGroupId: workspace.id /* managed in this stack */`,
    },
    "emr-eks-job-template-encryption": {
        why: "A job template keeps the execution role, entry point, arguments and Spark settings every job started from it uses; arguments often carry paths and connection settings.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `new aws.emrcontainers.JobTemplate("etl", { jobTemplateData: data });`,
        good: `new aws.emrcontainers.JobTemplate("etl", { jobTemplateData: data, kmsKeyArn: key.arn });`,
    },
    "emr-eks-spark-encryption": {
        why: "On EMR on EKS, Spark's driver and executors exchange shuffle blocks, broadcasts and task results over the pod network, and spill to node disks, in clear unless the job turns Spark's own encryption on; EMR on EKS does not turn it on.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `sparkSubmitJobDriver: { entryPoint: "s3://acme-jobs/etl.py", sparkSubmitParameters: "--conf spark.executor.instances=4" }`,
        good: `configurationOverrides: {
    applicationConfigurations: [{
        classification: "spark-defaults",
        properties: { "spark.authenticate": "true", "spark.network.crypto.enabled": "true", "spark.io.encryption.enabled": "true" },
    }],
}`,
    },
    "emr-eks-security-configuration": {
        why: "A security configuration is what each EMR on EKS virtual cluster created with it applies; an encryption setting without its key or certificate leaves that data under keys you do not control, or makes the configuration fail.",
        fact: "7. EMR Serverless, EMR on EKS and EMR Studio",
        bad: `securityConfigurationData: { encryptionConfiguration: { atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionOption: "SSE-S3" } } } }`,
        good: `securityConfigurationData: {
    encryptionConfiguration: {
        atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionOption: "SSE-KMS", kmsKeyId: key.arn } },
        inTransitEncryptionConfiguration: {
            tlsCertificateConfiguration: { certificateProviderType: "PEM", privateKeySecretArn: tlsKey.arn, publicKeySecretArn: tlsCert.arn },
        },
    },
}`,
    },
    "kms-key-rotation": {
        why: "Rotation limits how much data one key version protects, and is what auditors ask for.",
        fact: "6. Controls around the cluster",
        bad: `new aws.kms.Key("emr", { enableKeyRotation: false });`,
        good: `new aws.kms.Key("emr", { enableKeyRotation: true });`,
    },
    "kms-key-deletion-window": {
        why: "A key scheduled for deletion by mistake can be saved only within its window; after it, its data is lost.",
        fact: "6. Controls around the cluster",
        bad: `new aws.kms.Key("emr", { deletionWindowInDays: 7 });`,
        good: `new aws.kms.Key("emr", { deletionWindowInDays: 30 });`,
    },
    "kms-key-policy-no-public-principal": {
        why: "A wildcard principal without a condition lets any AWS account use or manage the key.",
        fact: "6. Controls around the cluster",
        bad: `{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }`,
        good: `{ Effect: "Allow", Principal: { AWS: instanceRole.arn }, Action: "kms:Decrypt", Resource: "*" }`,
    },
    "kms-key-enabled": {
        why: "EMR cannot read or write what a disabled key protects: clusters fail, logs stop, the certificate cannot be read.",
        fact: "6. Controls around the cluster",
        bad: `new aws.kms.Key("emr", { isEnabled: false }); // named by the security configuration`,
        good: `new aws.kms.Key("emr", { isEnabled: true });`,
    },
    "kms-key-enabled-review": {
        why: "A disabled key nothing in the stack uses may still protect data elsewhere.",
        fact: "6. Controls around the cluster",
        bad: `new aws.kms.Key("old", { isEnabled: false }); // used by nothing in this stack`,
        good: `// retire the key with a deletion window once nothing outside the stack needs it`,
    },
};
