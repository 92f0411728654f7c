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
/** EMR Serverless applications, EMR Studios and EMR on EKS job templates (policies/reference/emr.md §7). */
export const SERVERLESS_APPLICATION_TYPES = ["aws:emrserverless/application:Application", "aws-native:emrserverless:Application"];
export const STUDIO_TYPES = ["aws:emr/studio:Studio", "aws-native:emr:Studio"];
export const JOB_TEMPLATE = "aws:emrcontainers/jobTemplate:JobTemplate";
/** A job template parameter, `${Name}`, which EMR on EKS fills in when a job starts (its API's patterns allow it in place of a value). */
export const TEMPLATE_PARAMETER = /^\$\{[a-zA-Z]\w*\}$/;
/** EMR on EKS security configurations: aws-native only, as the aws provider has none. */
export const EKS_SECURITY_CONFIGURATION = "aws-native:emrcontainers:SecurityConfiguration";
export const BLOCK_PUBLIC_ACCESS = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration";
export const CLASSIC_KMS_KEY = "aws:kms/key:Key";
export const NATIVE_KMS_KEY = "aws-native:kms:Key";
export const KMS_EXTERNAL_KEY = "aws:kms/externalKey:ExternalKey";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
/** Multi-Region replicas: they carry their own policy, enabled state and deletion window (aws.kms.ReplicaKey, ReplicaExternalKey). */
export const KMS_REPLICA_KEYS = ["aws:kms/replicaKey:ReplicaKey", "aws:kms/replicaExternalKey:ReplicaExternalKey"];
/** Every resource that is a KMS key a document, cluster or bucket can name. */
export const KMS_KEY_TYPES = [CLASSIC_KMS_KEY, NATIVE_KMS_KEY, KMS_EXTERNAL_KEY, ...KMS_REPLICA_KEYS];
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

/** The network a cluster runs in: aws classic and aws-native shapes of each EC2 resource. */
export const SUBNET_TYPES = ["aws:ec2/subnet:Subnet", "aws-native:ec2:Subnet"];
export const VPC_TYPES = ["aws:ec2/vpc:Vpc", "aws-native:ec2:Vpc"];
export const SECURITY_GROUP_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws-native:ec2:SecurityGroup"];
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const SECURITY_GROUP_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
/** Managed prefix lists, whose CIDRs an ingress rule may admit by id, and their separate entries. */
export const PREFIX_LIST_TYPES = ["aws:ec2/managedPrefixList:ManagedPrefixList", "aws-native:ec2:PrefixList"];
export const PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
export const NATIVE_SECURITY_GROUP_INGRESS = "aws-native:ec2:SecurityGroupIngress";
/** Route tables with their own routes: a table, or the VPC's default (main) table adopted by Pulumi. */
export const ROUTE_TABLE_TYPES = [
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/defaultRouteTable:DefaultRouteTable",
    "aws-native:ec2:RouteTable",
];
export const ROUTE_TYPES = ["aws:ec2/route:Route", "aws-native:ec2:Route"];
export const ROUTE_TABLE_ASSOCIATION_TYPES = [
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws-native:ec2:SubnetRouteTableAssociation",
];
export const MAIN_ROUTE_TABLE_ASSOCIATION = "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation";
export const INTERNET_GATEWAY_TYPES = ["aws:ec2/internetGateway:InternetGateway", "aws-native:ec2:InternetGateway"];
export const VPC_ENDPOINT_TYPES = ["aws:ec2/vpcEndpoint:VpcEndpoint", "aws-native:ec2:VpcEndpoint"];

/**
 * The property in which aws-native gives an EC2 resource's own id. aws classic gives it as `id`
 * and as the last segment of `arn`.
 */
const NATIVE_ID: Record<string, string> = {
    "aws-native:ec2:Subnet": "subnetId",
    "aws-native:ec2:Vpc": "vpcId",
    "aws-native:ec2:SecurityGroup": "groupId",
    "aws-native:ec2:RouteTable": "routeTableId",
    "aws-native:ec2:InternetGateway": "internetGatewayId",
};

/** The ids an EC2 resource is known by (`subnet-...`, `sg-...`), each way its shape gives them. */
export function ec2IdsOf(type: string, props: Record<string, unknown>): unknown[] {
    const native = NATIVE_ID[type];
    if (native) {
        return [props[native], props.id];
    }
    const arn = props.arn;
    const fromArn = typeof arn === "string" && arn.startsWith("arn:") ? arn.slice(arn.lastIndexOf("/") + 1) : undefined;
    return type === "aws:ec2/defaultRouteTable:DefaultRouteTable" ? [props.id, fromArn, props.defaultRouteTableId] : [props.id, fromArn];
}
