import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrClusterNetworkIsolation } from "../../../policies/rules/emr-cluster-network-isolation";
import { emrServerlessNetworkIsolation } from "../../../policies/rules/emr-serverless-network-isolation";
import { emrServerlessNetworkIsolationReview } from "../../../policies/rules/emr-serverless-network-isolation-review";
import { emrStudioNetworkIsolation } from "../../../policies/rules/emr-studio-network-isolation";
import { emrStudioNetworkIsolationReview } from "../../../policies/rules/emr-studio-network-isolation-review";
import { findings, resource as r, UNKNOWN } from "../helpers";
import { association, group, open, replaced, routeTable, said, subnet, vpc } from "../networkStacks";

const application = (networkConfiguration?: Record<string, unknown>, type = "aws:emrserverless/application:Application") =>
    r(type, "spark", { releaseLabel: "emr-7.5.0", type: "spark", networkConfiguration });
const studio = (props: Record<string, unknown> = {}) =>
    r("aws:emr/studio:Studio", "notebooks", {
        authMode: "SSO",
        vpcId: "vpc-1",
        subnetIds: ["subnet-1"],
        workspaceSecurityGroupId: "sg-w",
        engineSecurityGroupId: "sg-e",
        ...props,
    });
const NETWORK = { subnetIds: ["subnet-1"], securityGroupIds: ["sg-w"] };
const privateVpc = (): PolicyResource[] => [vpc(), subnet(), routeTable(), association, group("sg-w"), group("sg-e")];
const IGW = [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }];

describe("emr-serverless-network-isolation", () => {
    const violations = (resources: PolicyResource[], config?: Record<string, unknown>) =>
        said(emrServerlessNetworkIsolation, resources, config);
    const unverified = (resources: PolicyResource[]) => said(emrServerlessNetworkIsolationReview, resources);

    it("Compliance: private subnets and closed groups of the stack, in aws classic and aws-native shapes: no finding of either rule", async () => {
        for (const app of [application(NETWORK), application(NETWORK, "aws-native:emrserverless:Application")]) {
            assert.deepStrictEqual(await violations([app, ...privateVpc()]), [], app.type);
            assert.deepStrictEqual(await unverified([app, ...privateVpc()]), [], app.type);
        }
    });

    it("Noncompliance: an application without networkConfiguration runs outside any VPC of yours; the review adds nothing", async () => {
        assert.deepStrictEqual(await violations([application(), ...privateVpc()]), [
            "spark: The application names no subnet (networkConfiguration.subnetIds), so its workers do not run in a VPC of yours: no subnet, route table or security group of yours limits what they reach. Give it networkConfiguration with private subnets and security groups of the stack.",
        ]);
        assert.deepStrictEqual(await unverified([application(), ...privateVpc()]), []);
    });

    it("Noncompliance: a subnet routed to an internet gateway and a worker group open to the world, each named", async () => {
        const stack = replaced([application(NETWORK), ...privateVpc()], routeTable(IGW), group("sg-w", [open("0.0.0.0/0", 443)]));
        assert.deepStrictEqual(await violations(stack), [
            `private: The application's subnet "subnet-1" routes "0.0.0.0/0" to the internet gateway "igw-1", so it is a public subnet. Put the application in a private subnet: route outbound traffic through a NAT gateway or VPC endpoints.`,
            `sg-w: The worker security group "sg-w" admits "0.0.0.0/0" on tcp port 443 (its inline ingress rule 1). Allow only the networks that need the application, or list the port in permittedPorts.`,
        ]);
        const permitted = await violations(replaced(stack, routeTable()), { permittedPorts: [443] });
        assert.deepStrictEqual(permitted, []);
    });

    it("judges only applications: a public cluster in the same stack is the cluster rule's finding", async () => {
        const publicCluster = r("aws:emr/cluster:Cluster", "analytics", {
            ec2Attributes: { subnetId: "subnet-9", emrManagedMasterSecurityGroup: "sg-w", emrManagedSlaveSecurityGroup: "sg-w" },
        });
        const stack = [
            application(NETWORK),
            publicCluster,
            ...privateVpc(),
            r("aws:ec2/subnet:Subnet", "public", { id: "subnet-9", mapPublicIpOnLaunch: true }),
        ];
        assert.deepStrictEqual(await violations(stack), []);
        assert.match(
            (await said(emrClusterNetworkIsolation, stack)).join("\n"),
            /The cluster's subnet "subnet-9" gives every instance a public IP/,
        );
    });

    it("cannot verify: a subnet and a group outside the stack, or no security groups at all, are named by the review rule, never passed", async () => {
        const outside = application({ subnetIds: ["subnet-x"], securityGroupIds: ["sg-x"] });
        assert.deepStrictEqual(await violations([outside, ...privateVpc()]), []);
        assert.deepStrictEqual(
            (await unverified([outside, ...privateVpc()])).map((m) => m.replace(/ is not in this stack.*/, "")),
            [`spark: The application's subnet "subnet-x"`, `spark: The application's worker security group "sg-x"`],
        );
        assert.deepStrictEqual(await unverified([application({ subnetIds: ["subnet-1"] }), ...privateVpc()]), [
            "spark: The application names no security groups (networkConfiguration.securityGroupIds), so which rules govern its workers' network interfaces is not shown by this stack. Name security groups of the stack.",
        ]);
    });

    it("defers at preview when the subnets are unknown, and is not applicable without applications", async () => {
        const found = await findings(emrServerlessNetworkIsolation, [application({ ...NETWORK, subnetIds: UNKNOWN }), ...privateVpc()], {
            preview: true,
        });
        assert.deepStrictEqual(
            found.map((f) => [f.level, Boolean(f.deferral)]),
            [["advisory", true]],
        );
        assert.deepStrictEqual(await violations([vpc(), subnet({ mapPublicIpOnLaunch: true })]), []);
    });
});

describe("emr-studio-network-isolation", () => {
    const violations = (resources: PolicyResource[]) => said(emrStudioNetworkIsolation, resources);
    const unverified = (resources: PolicyResource[]) => said(emrStudioNetworkIsolationReview, resources);

    it("Compliance: Workspaces in a private subnet, both groups closed, in aws classic and aws-native shapes", async () => {
        const native = { ...studio(), type: "aws-native:emr:Studio" };
        for (const s of [studio(), native]) {
            assert.deepStrictEqual(await violations([s, ...privateVpc()]), [], s.type);
            assert.deepStrictEqual(await unverified([s, ...privateVpc()]), [], s.type);
        }
    });

    it("Noncompliance: a subnet that gives public IPs and an engine group open to the world", async () => {
        const stack = replaced([studio(), ...privateVpc()], subnet({ mapPublicIpOnLaunch: true }), group("sg-e", [open("::/0", 0, 65535)]));
        assert.deepStrictEqual(await violations(stack), [
            `private: The Studio's subnet "subnet-1" gives every instance a public IP (mapPublicIpOnLaunch is true), so it is a public subnet. Use a private subnet: set mapPublicIpOnLaunch to false.`,
            `sg-e: The engine security group "sg-e" admits "::/0" on tcp ports 0-65535 (its inline ingress rule 1). Allow only the networks that need the Studio, or list the port in permittedPorts.`,
        ]);
    });

    it("Noncompliance: a Studio without subnets", async () => {
        assert.deepStrictEqual(await violations([studio({ subnetIds: [] }), ...privateVpc()]), [
            "notebooks: The Studio names no subnet (subnetIds). Set subnetIds to private subnets of its VPC.",
        ]);
    });

    it("cannot verify: the Workspace group managed outside the stack", async () => {
        assert.deepStrictEqual(
            (await unverified([studio({ workspaceSecurityGroupId: "sg-x" }), ...privateVpc()])).map((m) =>
                m.replace(/, so its inline.*/, ""),
            ),
            [`notebooks: The Studio's Workspace security group "sg-x" is not in this stack`],
        );
    });
});
