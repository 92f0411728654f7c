import * as assert from "assert";
import * as ec2 from "@pulumi/aws/ec2";
import * as emr from "@pulumi/aws/emr";
import * as iam from "@pulumi/aws/iam";
import { SecureEmrBaseline } from "../../components/secureEmrBaseline";
import { evaluatePolicies, PolicyFinding } from "../../policies/evaluate";
import { runProgram } from "../deploy/runProgram";
import { ACCOUNT, isKnown, useMocks } from "../mocks";
import { policyResources } from "./fromMocks";

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
/** The deployable stack shows no cluster, so the key-policy rule is told which roles to expect. */
const ROLES = {
    "emr-kms-key-policy": { instanceProfileRoleArns: [role("EMR_EC2_DefaultRole")], serviceRoleArns: [role("EMR_DefaultRole_V2")] },
};

async function stackFindings(config: Record<string, string>, preview = false): Promise<PolicyFinding[]> {
    const { mocks } = await runProgram({ "aws:region": "us-east-1", kerberosRealm: "EC2.INTERNAL", ...config }, preview);
    return evaluatePolicies(policyResources(mocks), { config: ROLES, preview });
}

const summary = (found: PolicyFinding[]) => found.map((f) => `${f.level} ${f.policy}`).sort();

describe("the pack over the deployable stack", () => {
    it("finds nothing at all in the default stack with Kerberos", async () => {
        assert.deepStrictEqual(summary(await stackFindings({})), []);
    });

    it("without Kerberos, gives only the advisory Kerberos finding", async () => {
        const { mocks } = await runProgram({ "aws:region": "us-east-1" });
        assert.deepStrictEqual(summary(await evaluatePolicies(policyResources(mocks), { config: ROLES })), [
            "advisory emr-kerberos-authentication",
        ]);
    });

    const weakened: [string, Record<string, string>, string[]][] = [
        ["SSE-S3 for S3 data", { s3EncryptionMode: "SSE-S3" }, ["mandatory emr-s3-encryption"]],
        ["EBS encryption off", { enableEbsEncryption: "false" }, ["mandatory emr-ebs-encryption"]],
        ["in-transit encryption off", { inTransitEncryption: "false" }, ["mandatory emr-in-transit-encryption"]],
        ["IMDSv1 allowed", { requireImdsV2: "false" }, ["mandatory emr-imdsv2"]],
        ["two IMDS hops", { imdsHopLimit: "2" }, ["mandatory emr-imdsv2"]],
        ["one key for everything", { separateKeys: "false" }, ["advisory emr-separate-kms-keys"]],
        [
            "a 7-day deletion window",
            { keyDeletionWindowInDays: "7" },
            ["advisory kms-key-deletion-window", "advisory kms-key-deletion-window"],
        ],
        ["48-hour tickets", { ticketLifetimeInHours: "48" }, ["advisory emr-kerberos-authentication"]],
        ["a five-year certificate", { certificateValidityHours: "43800" }, ["mandatory emr-tls-certificate"]],
    ];
    for (const [what, config, expected] of weakened) {
        it(`weakening one setting fires exactly its rule: ${what}`, async () => {
            assert.deepStrictEqual(summary(await stackFindings(config)), expected);
        });
    }

    it("at preview, with keys created in the stack, gives no mandatory finding, no crash, only deferrals", async () => {
        const found = await stackFindings({}, true);
        assert.ok(found.length > 0);
        assert.deepStrictEqual(
            found.filter((f) => f.level !== "advisory"),
            [],
        );
        for (const f of found) {
            assert.match(f.message, /can't be known during preview; the check runs (at update|again when the stack is analyzed)/);
        }
    });

    it("passes a cluster built on the baseline, Kerberos, roles, logs and a private network included, and fails it without its security configuration", async () => {
        const mocks = await useMocks(false);
        const ec2Role = new iam.Role("emr-ec2", { name: "EMR_EC2_DefaultRole", assumeRolePolicy: "{}" });
        const profile = new iam.InstanceProfile("emr-ec2", { name: "emr-ec2-profile", role: ec2Role.name });
        const baseline = new SecureEmrBaseline("analytics", {
            instanceProfileRoleArn: ec2Role.arn,
            serviceRoleArn: role("EMR_DefaultRole_V2"),
            releaseLabel: "emr-7.5.0",
            region: "us-east-1",
            accountId: ACCOUNT,
            partition: "aws",
            kerberos: { realm: "EC2.INTERNAL" },
        });
        // A private subnet whose routes and managed groups are all in the stack.
        const vpc = new ec2.Vpc("emr", { cidrBlock: "10.0.0.0/16" });
        const subnet = new ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
        const table = new ec2.RouteTable("private", { vpcId: vpc.id });
        new ec2.RouteTableAssociation("private", { subnetId: subnet.id, routeTableId: table.id });
        const [primary, core, serviceAccess] = ["primary", "core", "service-access"].map(
            (n) => new ec2.SecurityGroup(n, { vpcId: vpc.id, revokeRulesOnDelete: true }),
        );
        new ec2.VpcEndpoint("emr", {
            vpcId: vpc.id,
            serviceName: "com.amazonaws.us-east-1.elasticmapreduce",
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds: [subnet.id],
        });
        const cluster = (name: string, securityConfiguration?: typeof baseline.securityConfigurationName) =>
            new emr.Cluster(name, {
                releaseLabel: "emr-7.5.0",
                serviceRole: "EMR_DefaultRole_V2",
                logUri: "s3://emr-logs-123456789012/analytics/",
                logEncryptionKmsKeyId: baseline.logEncryptionKmsKeyArn,
                ec2Attributes: {
                    instanceProfile: profile.name,
                    subnetId: subnet.id,
                    emrManagedMasterSecurityGroup: primary.id,
                    emrManagedSlaveSecurityGroup: core.id,
                    serviceAccessSecurityGroup: serviceAccess.id,
                },
                masterInstanceGroup: { instanceType: "m7g.xlarge" },
                securityConfiguration,
                kerberosAttributes: baseline.kerberosAttributes.apply((k) => k!),
            });
        await isKnown(cluster("analytics", baseline.securityConfigurationName).clusterState);
        assert.deepStrictEqual(summary(await evaluatePolicies(policyResources(mocks))), []);
        await isKnown(cluster("bare").clusterState);
        assert.deepStrictEqual(summary(await evaluatePolicies(policyResources(mocks))), ["mandatory emr-cluster-security-configuration"]);
    });
});
