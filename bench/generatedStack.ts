/**
 * A generated stack for benchmarks: EMR security configurations (hardened and weakened), clusters
 * using them, their KMS keys and certificate buckets with hardening, and private networks the
 * clusters share, in realistic proportions.
 */
import { PolicyResource } from "../policies/evaluate";

const ACCOUNT = "111122223333";

function keyArn(i: number): string {
    const hex = i.toString(16).padStart(12, "0");
    return `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-1111-4a5b-8c9d-${hex}`;
}

function document(i: number): Record<string, unknown> {
    const weak = i % 4 === 3;
    return {
        EncryptionConfiguration: {
            EnableInTransitEncryption: !weak,
            EnableAtRestEncryption: true,
            ...(weak
                ? {}
                : {
                      InTransitEncryptionConfiguration: {
                          TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: `s3://certs-${i}/emr-tls/c.zip` },
                      },
                  }),
            AtRestEncryptionConfiguration: {
                S3EncryptionConfiguration: weak ? { EncryptionMode: "SSE-S3" } : { EncryptionMode: "SSE-KMS", AwsKmsKey: keyArn(2 * i) },
                LocalDiskEncryptionConfiguration: {
                    EncryptionKeyProviderType: "AwsKms",
                    AwsKmsKey: keyArn(2 * i + 1),
                    EnableEbsEncryption: true,
                },
            },
        },
        AuthenticationConfiguration: {
            KerberosConfiguration: { Provider: "ClusterDedicatedKdc", ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 } },
        },
        InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
    };
}

const urn = (type: string, name: string) => `urn:pulumi:bench::bench::${type}::${name}`;
const ARN = `arn:aws:ec2:us-east-1:${ACCOUNT}`;

/** Clusters per private network: a VPC, its subnet, route table, EMR endpoint and a closed group. */
const CLUSTERS_PER_NETWORK = 8;

function network(n: number, r: (type: string, name: string, props: Record<string, unknown>) => void): void {
    const [vpc, subnet, table, group] = [`vpc-${n}`, `subnet-${n}`, `rtb-${n}`, `sg-${n}`];
    r("aws:ec2/vpc:Vpc", vpc, { arn: `${ARN}:vpc/${vpc}`, cidrBlock: "10.0.0.0/16", mainRouteTableId: `rtb-main-${n}` });
    r("aws:ec2/subnet:Subnet", subnet, { arn: `${ARN}:subnet/${subnet}`, vpcId: vpc, mapPublicIpOnLaunch: false });
    r("aws:ec2/routeTable:RouteTable", table, { arn: `${ARN}:route-table/${table}`, vpcId: vpc, routes: [] });
    r("aws:ec2/routeTableAssociation:RouteTableAssociation", table, { subnetId: subnet, routeTableId: table });
    r("aws:ec2/securityGroup:SecurityGroup", group, {
        arn: `${ARN}:security-group/${group}`,
        vpcId: vpc,
        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
    });
    r("aws:ec2/vpcEndpoint:VpcEndpoint", `emr-${n}`, {
        vpcId: vpc,
        serviceName: "com.amazonaws.us-east-1.elasticmapreduce",
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
    });
}

/**
 * About `size` resources: each group is a configuration, a cluster, two keys, a bucket and four
 * hardening resources; every eighth group starts a private network of six resources.
 */
export function generatedStack(size: number): PolicyResource[] {
    const resources: PolicyResource[] = [];
    const r = (type: string, name: string, props: Record<string, unknown>) => resources.push({ type, name, urn: urn(type, name), props });
    for (let i = 0; resources.length < size; i++) {
        if (i % CLUSTERS_PER_NETWORK === 0) {
            network(i / CLUSTERS_PER_NETWORK, r);
        }
        const name = `sc-${i}`;
        const n = Math.floor(i / CLUSTERS_PER_NETWORK);
        r("aws:emr/securityConfiguration:SecurityConfiguration", name, { name, configuration: JSON.stringify(document(i)) });
        r("aws:emr/cluster:Cluster", `cluster-${i}`, {
            securityConfiguration: name,
            serviceRole: `arn:aws:iam::${ACCOUNT}:role/EMR_DefaultRole_V2`,
            logUri: `s3://emr-logs-${ACCOUNT}/cluster-${i}/`,
            logEncryptionKmsKeyId: keyArn(2 * i),
            ec2Attributes: {
                instanceProfile: "EMR_EC2_DefaultRole",
                subnetId: `subnet-${n}`,
                emrManagedMasterSecurityGroup: `sg-${n}`,
                emrManagedSlaveSecurityGroup: `sg-${n}`,
                serviceAccessSecurityGroup: `sg-${n}`,
            },
            kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: "secret" },
        });
        for (const k of [2 * i, 2 * i + 1]) {
            r("aws:kms/key:Key", `key-${k}`, {
                arn: keyArn(k),
                keyId: keyArn(k).split("/")[1],
                enableKeyRotation: true,
                policy: JSON.stringify({ Statement: [] }),
            });
        }
        const bucket = `certs-${i}`;
        r("aws:s3/bucket:Bucket", bucket, { bucket });
        r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${bucket}-pab`, {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        r("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${bucket}-enc`, {
            bucket,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn(2 * i) } }],
        });
        r("aws:s3/bucketPolicy:BucketPolicy", `${bucket}-policy`, {
            bucket,
            policy: JSON.stringify({
                Statement: [
                    {
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: "*",
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            }),
        });
        r("aws:s3/bucketVersioning:BucketVersioning", `${bucket}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } });
    }
    return resources.slice(0, size);
}
