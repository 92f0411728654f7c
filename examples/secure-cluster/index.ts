// A Kerberized EMR cluster on the emr-security baseline: keys, TLS certificate, security
// configuration and HDFS encryption zones from the baseline, the roles EMR needs, encrypted logs,
// and a private network that reaches AWS through endpoints only. `emr-security check .` finds it
// compliant; copy it as a starting point.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mergeClusterConfigurations, SecureEmrBaseline } from "emr-security";

const config = new pulumi.Config();
const releaseLabel = config.get("releaseLabel") ?? "emr-7.5.0";
const vpcCidr = config.get("vpcCidr") ?? "10.20.0.0/16";
const subnetCidr = config.get("subnetCidr") ?? "10.20.1.0/24";
const region = aws.getRegionOutput().region;

const assumedBy = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

// The service role EMR uses to manage the cluster, with AWS's managed policy for it.
const serviceRole = new aws.iam.Role("emr-service", { assumeRolePolicy: assumedBy("elasticmapreduce.amazonaws.com") });
new aws.iam.RolePolicyAttachment("emr-service-policy", {
    role: serviceRole.name,
    policyArn: pulumi.interpolate`arn:${aws.getPartitionOutput().partition}:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2`,
});

// The role of the cluster's instances, and its instance profile.
const instanceRole = new aws.iam.Role("emr-instance", { assumeRolePolicy: assumedBy("ec2.amazonaws.com") });
const instanceProfile = new aws.iam.InstanceProfile("emr-instance", { role: instanceRole.name });

const baseline = new SecureEmrBaseline("emr", {
    instanceProfileRoleArn: instanceRole.arn,
    serviceRoleArn: serviceRole.arn,
    releaseLabel,
    kerberos: { realm: config.get("kerberosRealm") ?? "EC2.INTERNAL" },
    hdfsEncryptionZones: [
        { path: "/data/finance", keyName: "finance" },
        { path: "/data/pii", keyName: "pii" },
    ],
});

// A private subnet: no public IPs, and a route table without an internet gateway. AWS APIs are
// reached through endpoints: S3 through a gateway endpoint, EMR and KMS through interface
// endpoints with private DNS, so the cluster needs no NAT to be managed or to use its keys.
const vpc = new aws.ec2.Vpc("emr", { cidrBlock: vpcCidr, enableDnsHostnames: true, enableDnsSupport: true });
const subnet = new aws.ec2.Subnet("emr-private", {
    vpcId: vpc.id,
    cidrBlock: subnetCidr,
    mapPublicIpOnLaunch: false,
});
const routeTable = new aws.ec2.RouteTable("emr-private", { vpcId: vpc.id });
new aws.ec2.RouteTableAssociation("emr-private", { subnetId: subnet.id, routeTableId: routeTable.id });
new aws.ec2.VpcEndpoint("s3", {
    vpcId: vpc.id,
    serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`,
    vpcEndpointType: "Gateway",
    routeTableIds: [routeTable.id],
});
const endpointGroup = new aws.ec2.SecurityGroup("endpoints", {
    vpcId: vpc.id,
    description: "HTTPS from the VPC to the interface endpoints",
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [vpc.cidrBlock] }],
});
for (const service of ["elasticmapreduce", "kms"]) {
    new aws.ec2.VpcEndpoint(service, {
        vpcId: vpc.id,
        serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: [subnet.id],
        securityGroupIds: [endpointGroup.id],
    });
}

// The groups EMR manages: EMR adds the rules the nodes need between them. revokeRulesOnDelete lets
// them be destroyed although they refer to each other.
const [primaryGroup, coreGroup, serviceAccessGroup] = ["primary", "core", "service-access"].map(
    (role) => new aws.ec2.SecurityGroup(`emr-${role}`, { vpcId: vpc.id, description: `EMR ${role}`, revokeRulesOnDelete: true }),
);

// The logs, in a bucket that admits no public access and no request without TLS.
const logs = new aws.s3.Bucket("emr-logs", { forceDestroy: false });
new aws.s3.BucketPublicAccessBlock("emr-logs", {
    bucket: logs.bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});
new aws.s3.BucketServerSideEncryptionConfiguration("emr-logs", {
    bucket: logs.bucket,
    rules: [
        {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: baseline.logEncryptionKmsKeyArn },
            bucketKeyEnabled: true,
        },
    ],
});
new aws.s3.BucketPolicy("emr-logs", {
    bucket: logs.bucket,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyRequestsWithoutTls",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [logs.arn, pulumi.interpolate`${logs.arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    }),
});

// The team's own classifications go beside the baseline's: merging refuses a conflicting value.
const configurationsJson = baseline.clusterConfigurationsJson.apply((json) =>
    JSON.stringify(
        mergeClusterConfigurations(JSON.parse(json), [{ Classification: "spark-defaults", Properties: { "spark.executor.memory": "4g" } }]),
    ),
);

const cluster = new aws.emr.Cluster("analytics", {
    releaseLabel,
    applications: ["Hadoop", "Hive", "Spark"],
    serviceRole: serviceRole.arn,
    securityConfiguration: baseline.securityConfigurationName,
    kerberosAttributes: baseline.kerberosAttributes.apply((attributes) => {
        if (!attributes) {
            throw new Error("the baseline was given Kerberos settings, so it has Kerberos attributes");
        }
        return attributes;
    }),
    ec2Attributes: {
        subnetId: subnet.id,
        instanceProfile: instanceProfile.arn,
        emrManagedMasterSecurityGroup: primaryGroup.id,
        emrManagedSlaveSecurityGroup: coreGroup.id,
        serviceAccessSecurityGroup: serviceAccessGroup.id,
    },
    logUri: pulumi.interpolate`s3://${logs.bucket}/analytics/`,
    logEncryptionKmsKeyId: baseline.logEncryptionKmsKeyArn,
    masterInstanceGroup: { instanceType: "m7g.xlarge" },
    coreInstanceGroup: { instanceType: "m7g.xlarge", instanceCount: 2 },
    configurationsJson,
});

export const clusterId = cluster.id;
export const securityConfigurationName = baseline.securityConfigurationName;
