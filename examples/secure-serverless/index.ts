// An EMR Serverless application and an EMR Studio on the emr-security baseline: the application's
// logs (managed storage, S3 and CloudWatch) under the baseline's log key, the Studio's Workspaces
// under its S3 key, both in a private subnet behind closed security groups. `emr-security check .`
// finds it compliant; copy it as a starting point.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureEmrBaseline } from "emr-security";

const config = new pulumi.Config();
const releaseLabel = config.get("releaseLabel") ?? "emr-7.5.0";
const vpcCidr = config.get("vpcCidr") ?? "10.30.0.0/16";
const subnetCidr = config.get("subnetCidr") ?? "10.30.1.0/24";
const region = aws.getRegionOutput().region;

const assumedBy = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

// The baseline's keys serve EC2 clusters too, so it names their roles; the job runtime role and the
// Studio's roles use the keys as data roles.
const serviceRole = new aws.iam.Role("emr-service", { assumeRolePolicy: assumedBy("elasticmapreduce.amazonaws.com") });
const instanceRole = new aws.iam.Role("emr-instance", { assumeRolePolicy: assumedBy("ec2.amazonaws.com") });
const jobRole = new aws.iam.Role("serverless-jobs", { assumeRolePolicy: assumedBy("emr-serverless.amazonaws.com") });
const studioServiceRole = new aws.iam.Role("studio-service", { assumeRolePolicy: assumedBy("elasticmapreduce.amazonaws.com") });
const studioUserRole = new aws.iam.Role("studio-users", { assumeRolePolicy: assumedBy("elasticmapreduce.amazonaws.com") });

const baseline = new SecureEmrBaseline("emr", {
    instanceProfileRoleArn: instanceRole.arn,
    serviceRoleArn: serviceRole.arn,
    dataRoleArns: [jobRole.arn, studioServiceRole.arn, studioUserRole.arn],
    releaseLabel,
    // For the organisation's EC2 clusters, which share the security configuration.
    kerberos: { realm: "EC2.INTERNAL", ticketLifetimeInHours: 10 },
    serverlessLogs: true,
});
const dataKey = baseline.s3KmsKeyArn.apply((arn) => {
    if (!arn) {
        throw new Error("the baseline encrypts S3 data with SSE-KMS by default, so it has an S3 key");
    }
    return arn;
});

// A private subnet: no public IPs, no internet gateway; S3 through a gateway endpoint.
const vpc = new aws.ec2.Vpc("emr", { cidrBlock: vpcCidr, enableDnsHostnames: true, enableDnsSupport: true });
const subnet = new aws.ec2.Subnet("emr-private", { vpcId: vpc.id, cidrBlock: subnetCidr, mapPublicIpOnLaunch: false });
const routeTable = new aws.ec2.RouteTable("emr-private", { vpcId: vpc.id });
new aws.ec2.RouteTableAssociation("emr-private", { subnetId: subnet.id, routeTableId: routeTable.id });
new aws.ec2.VpcEndpoint("s3", {
    vpcId: vpc.id,
    serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`,
    vpcEndpointType: "Gateway",
    routeTableIds: [routeTable.id],
});

// Groups without ingress from anywhere: workers only reach out, and the Studio's engine group
// admits its Workspace group alone.
const workers = new aws.ec2.SecurityGroup("serverless-workers", { vpcId: vpc.id, description: "EMR Serverless workers" });
const workspaces = new aws.ec2.SecurityGroup("studio-workspaces", { vpcId: vpc.id, description: "EMR Studio Workspaces" });
const engines = new aws.ec2.SecurityGroup("studio-engines", {
    vpcId: vpc.id,
    description: "EMR Studio engines",
    ingress: [{ protocol: "tcp", fromPort: 18888, toPort: 18888, securityGroups: [workspaces.id] }],
});

const logs = new aws.cloudwatch.LogGroup("serverless", { retentionInDays: 365, kmsKeyId: baseline.logEncryptionKmsKeyArn });

const application = new aws.emrserverless.Application("spark", {
    releaseLabel,
    type: "spark",
    networkConfiguration: { subnetIds: [subnet.id], securityGroupIds: [workers.id] },
    // Mutual TLS between workers, for shuffle data and control messages (EMR 6.15.0 and later).
    runtimeConfigurations: [{ classification: "spark-defaults", properties: { "spark.ssl.internode.enabled": "true" } }],
    monitoringConfiguration: {
        managedPersistenceMonitoringConfiguration: { encryptionKeyArn: baseline.logEncryptionKmsKeyArn },
        cloudwatchLoggingConfiguration: {
            enabled: true,
            logGroupName: logs.name,
            encryptionKeyArn: baseline.logEncryptionKmsKeyArn,
        },
    },
});

// Workspaces and notebooks are backed up here, encrypted with the baseline's S3 key.
const workspaceBucket = new aws.s3.Bucket("studio-workspaces", { forceDestroy: false });
new aws.s3.BucketPublicAccessBlock("studio-workspaces", {
    bucket: workspaceBucket.bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});
new aws.s3.BucketServerSideEncryptionConfiguration("studio-workspaces", {
    bucket: workspaceBucket.bucket,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKey }, bucketKeyEnabled: true }],
});

const studio = new aws.emr.Studio("notebooks", {
    authMode: "SSO",
    vpcId: vpc.id,
    subnetIds: [subnet.id],
    workspaceSecurityGroupId: workspaces.id,
    engineSecurityGroupId: engines.id,
    serviceRole: studioServiceRole.arn,
    userRole: studioUserRole.arn,
    defaultS3Location: pulumi.interpolate`s3://${workspaceBucket.bucket}/workspaces`,
    encryptionKeyArn: dataKey,
});

export const applicationId = application.id;
export const studioId = studio.id;
