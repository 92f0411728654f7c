// A Kerberized EMR cluster on the emr-security baseline: keys, TLS certificate, security
// configuration and HDFS encryption zones from the baseline, the roles EMR needs, and the network
// from stack config. `emr-security check .` finds it compliant; copy it as a starting point.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mergeClusterConfigurations, SecureEmrBaseline } from "emr-security";

const config = new pulumi.Config();
const releaseLabel = config.get("releaseLabel") ?? "emr-7.5.0";

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
    ec2Attributes: { subnetId: config.require("subnetId"), instanceProfile: instanceProfile.arn },
    masterInstanceGroup: { instanceType: "m7g.xlarge" },
    coreInstanceGroup: { instanceType: "m7g.xlarge", instanceCount: 2 },
    configurationsJson,
});

export const clusterId = cluster.id;
export const securityConfigurationName = baseline.securityConfigurationName;
