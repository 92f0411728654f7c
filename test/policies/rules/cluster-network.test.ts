import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrClusterNetworkIsolation } from "../../../policies/rules/emr-cluster-network-isolation";
import { emrClusterNetworkIsolationReview } from "../../../policies/rules/emr-cluster-network-isolation-review";
import { emrVpcEndpoint } from "../../../policies/rules/emr-vpc-endpoint";
import { findings, resource, UNKNOWN } from "../helpers";
import { ARN, association, group, open, replaced, routeTable, said, subnet, vpc } from "../networkStacks";

const r = resource;
const GROUPS = { emrManagedMasterSecurityGroup: "sg-m", emrManagedSlaveSecurityGroup: "sg-s", serviceAccessSecurityGroup: "sg-a" };
const cluster = (attributes: Record<string, unknown> = {}) =>
    r("aws:emr/cluster:Cluster", "analytics", {
        releaseLabel: "emr-7.5.0",
        ec2Attributes: { subnetId: "subnet-1", ...GROUPS, ...attributes },
    });
const nativeCluster = (instances: Record<string, unknown>) => r("aws-native:emr:Cluster", "native", { instances });
const endpoint = (props: Record<string, unknown> = {}) =>
    r("aws:ec2/vpcEndpoint:VpcEndpoint", "emr", {
        vpcId: "vpc-1",
        serviceName: "com.amazonaws.us-east-1.elasticmapreduce",
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        ...props,
    });

/** A cluster in a private subnet of the stack, its route table and its three managed groups. */
function privateNetwork(): PolicyResource[] {
    return [cluster(), vpc(), subnet(), routeTable(), association, group("sg-m"), group("sg-s"), group("sg-a"), endpoint()];
}

const violations = (resources: PolicyResource[], config?: Record<string, unknown>) => said(emrClusterNetworkIsolation, resources, config);
const unverified = (resources: PolicyResource[]) => said(emrClusterNetworkIsolationReview, resources);

describe("emr-cluster-network-isolation", () => {
    it("Compliance: a private subnet, a route table through NAT, closed managed groups: no finding of either rule", async () => {
        assert.deepStrictEqual(await violations(privateNetwork()), []);
        assert.deepStrictEqual(await unverified(privateNetwork()), []);
    });

    it("Compliance: the same network in aws-native shapes", async () => {
        const resources = [
            nativeCluster({ ec2SubnetId: "subnet-1", ...GROUPS }),
            r("aws-native:ec2:Vpc", "vpc", { vpcId: "vpc-1" }),
            r("aws-native:ec2:Subnet", "private", { subnetId: "subnet-1", vpcId: "vpc-1", mapPublicIpOnLaunch: false }),
            r("aws-native:ec2:RouteTable", "private", { routeTableId: "rtb-1", vpcId: "vpc-1" }),
            r("aws-native:ec2:SubnetRouteTableAssociation", "private", { subnetId: "subnet-1", routeTableId: "rtb-1" }),
            ...["sg-m", "sg-s", "sg-a"].map((id) => r("aws-native:ec2:SecurityGroup", id, { groupId: id, securityGroupIngress: [] })),
        ];
        assert.deepStrictEqual(await violations(resources), []);
        assert.deepStrictEqual(await unverified(resources), []);
    });

    it("Noncompliance: a cluster without a subnet, in either shape", async () => {
        const expected =
            "The cluster names no subnet, so EMR launches it outside a VPC of your choosing (EC2-Classic, or the default VPC's public subnets). Set the subnet: ec2Attributes.subnetId (aws) or instances.ec2SubnetId (aws-native), to a private subnet.";
        assert.deepStrictEqual(await violations(replaced(privateNetwork(), cluster({ subnetId: undefined }))), [`analytics: ${expected}`]);
        assert.deepStrictEqual(await violations([nativeCluster({ ...GROUPS })]), [`native: ${expected}`]);
        assert.deepStrictEqual(await violations([nativeCluster({ ec2SubnetId: 7, ...GROUPS })]), [`native: ${expected}`]);
    });

    it("Noncompliance: 0.0.0.0/1 and 128.0.0.0/1 in two rules of one group admit every address together: each rule is named", async () => {
        const found = await violations(replaced(privateNetwork(), group("sg-m", [open("0.0.0.0/1"), open("128.0.0.0/1")])));
        assert.deepStrictEqual(
            found.map((m) => /admits "0\.0\.0\.0\/1" and "128\.0\.0\.0\/1" on tcp port 22 \(its inline ingress rule (\d)\)/.exec(m)?.[1]),
            ["1", "2"],
        );
    });

    it("Noncompliance: a subnet that assigns public IPs, in either shape", async () => {
        assert.deepStrictEqual(await violations(replaced(privateNetwork(), subnet({ mapPublicIpOnLaunch: true }))), [
            `private: The cluster's subnet "subnet-1" gives every instance a public IP (mapPublicIpOnLaunch is true), so the primary node is reachable from the internet (Security Hub EMR.1). Use a private subnet: set mapPublicIpOnLaunch to false.`,
        ]);
        // The provider converts a string for a boolean with strconv.ParseBool: "true", "1" and "T" are true.
        for (const value of ["true", "1", "T"]) {
            assert.strictEqual((await violations(replaced(privateNetwork(), subnet({ mapPublicIpOnLaunch: value })))).length, 1, value);
        }
        assert.deepStrictEqual(await violations(replaced(privateNetwork(), subnet({ mapPublicIpOnLaunch: "false" }))), []);
        const native = [
            nativeCluster({ ec2SubnetIds: ["subnet-9"] }),
            r("aws-native:ec2:Subnet", "public", { subnetId: "subnet-9", mapPublicIpOnLaunch: true }),
        ];
        assert.match((await violations(native))[0], /^public: The cluster's subnet "subnet-9" gives every instance a public IP/);
    });

    const IGW = (destination: string) => new RegExp(`routes "${destination.replace(/[/.]/g, "\\$&")}" to the internet gateway "igw-1"`);
    const routeCases: [string, PolicyResource[], RegExp | undefined][] = [
        [
            "Noncompliance: 0.0.0.0/0 to an internet gateway, inline",
            [routeTable([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }])],
            IGW("0.0.0.0/0"),
        ],
        [
            "Noncompliance: ::/0 to an internet gateway, as a Route",
            [r("aws:ec2/route:Route", "v6", { routeTableId: "rtb-1", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-1" })],
            IGW("::/0"),
        ],
        [
            "Noncompliance: to an aws-native internet gateway of the stack, whatever its id looks like",
            [
                r("aws-native:ec2:InternetGateway", "igw", { internetGatewayId: "gw-odd" }),
                r("aws-native:ec2:Route", "out", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "gw-odd" }),
            ],
            /routes "0\.0\.0\.0\/0" to the internet gateway "gw-odd"/,
        ],
        [
            "Noncompliance: 0.0.0.0/1 and 128.0.0.0/1 to an internet gateway, which route every address as 0.0.0.0/0 does",
            [
                routeTable([
                    { cidrBlock: "0.0.0.0/1", gatewayId: "igw-1" },
                    { cidrBlock: "128.0.0.0/1", gatewayId: "igw-1" },
                ]),
            ],
            IGW("0.0.0.0/1 and 128.0.0.0/1"),
        ],
        ["Compliance: one half alone is not the whole Internet", [routeTable([{ cidrBlock: "0.0.0.0/1", gatewayId: "igw-1" }])], undefined],
        [
            "Noncompliance: a look-alike of the world, 10.0.0.0/0",
            [routeTable([{ cidrBlock: "10.0.0.0/0", gatewayId: "igw-1" }])],
            /routes "10\.0\.0\.0\/0" to the internet gateway/,
        ],
        [
            "Compliance: ::/0 to an egress-only internet gateway lets nothing in",
            [routeTable([{ ipv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-1", gatewayId: "eigw-1" }])],
            undefined,
        ],
        [
            "Compliance: the VPC's own range through the internet gateway is not a default route",
            [routeTable([{ cidrBlock: "10.0.0.0/16", gatewayId: "igw-1" }])],
            undefined,
        ],
    ];
    for (const [what, changes, expected] of routeCases) {
        it(what, async () => {
            const found = await violations(replaced(privateNetwork(), ...changes));
            if (expected) {
                assert.strictEqual(found.length, 1, found.join("\n"));
                assert.match(found[0], expected);
            } else {
                assert.deepStrictEqual(found, []);
            }
        });
    }

    it("Noncompliance: without an association, the VPC's main table decides, through a Route, a MainRouteTableAssociation or a DefaultRouteTable", async () => {
        const base = privateNetwork().filter((x) => x !== association);
        const viaMain = [
            ...base,
            r("aws:ec2/route:Route", "out", { routeTableId: "rtb-main", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }),
        ];
        assert.match(
            (await violations(viaMain))[0],
            /^out: The cluster's subnet "subnet-1" routes "0\.0\.0\.0\/0" to the internet gateway "igw-1"/,
        );
        const reassigned = replaced(
            base,
            r("aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation", "main", { vpcId: "vpc-1", routeTableId: "rtb-1" }),
            routeTable([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }]),
        );
        assert.strictEqual((await violations(reassigned)).length, 1);
        const adopted = [
            ...base,
            r("aws:ec2/defaultRouteTable:DefaultRouteTable", "main", {
                defaultRouteTableId: "rtb-main",
                routes: [{ ipv6CidrBlock: "::/0", gatewayId: "igw-1" }],
            }),
        ];
        assert.match(
            (await violations(adopted))[0],
            /^main: The cluster's subnet "subnet-1" routes "::\/0" to the internet gateway "igw-1"/,
        );
        assert.deepStrictEqual(await unverified(base), []);
    });

    const groupCases: [string, PolicyResource[], Record<string, unknown> | undefined, RegExp | undefined][] = [
        [
            "Noncompliance: SSH open to 0.0.0.0/0 inline on the primary group",
            [group("sg-m", [open("0.0.0.0/0")])],
            undefined,
            /^sg-m: The primary node's managed security group "sg-m" admits "0\.0\.0\.0\/0" on tcp port 22 \(its inline ingress rule 1\)/,
        ],
        ["Compliance: the same, with port 22 permitted", [group("sg-m", [open("0.0.0.0/0")])], { permittedPorts: [22] }, undefined],
        [
            "Noncompliance: ::/1 and 8000::/1 together, the second through an all-protocols rule",
            [group("sg-m", [open("::/1"), { ipv6CidrBlocks: ["8000::/1"], fromPort: 0, toPort: 0, protocol: "-1" }])],
            undefined,
            /admits "::\/1" and "8000::\/1" on tcp port 22/,
        ],
        [
            "Compliance: halves on different ports do not add up",
            [group("sg-m", [open("0.0.0.0/1", 22), open("128.0.0.0/1", 443)])],
            undefined,
            undefined,
        ],
        [
            "Noncompliance: a managed prefix list of the stack holding 0.0.0.0/0",
            [
                group("sg-m", [{ prefixListIds: ["pl-1"], fromPort: 22, toPort: 22, protocol: "tcp" }]),
                r("aws:ec2/managedPrefixList:ManagedPrefixList", "anywhere", {
                    arn: `${ARN}:prefix-list/pl-1`,
                    entries: [{ cidr: "0.0.0.0/0", description: "everyone" }],
                }),
            ],
            undefined,
            /admits "0\.0\.0\.0\/0" on tcp port 22/,
        ],
        [
            "Noncompliance: a prefix list whose separate entries are the two halves",
            [
                group("sg-m", [{ prefixListIds: ["pl-2"], fromPort: 22, toPort: 22, protocol: "tcp" }]),
                r("aws:ec2/managedPrefixList:ManagedPrefixList", "halves", { arn: `${ARN}:prefix-list/pl-2` }),
                r("aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", "low", { prefixListId: "pl-2", cidr: "0.0.0.0/1" }),
                r("aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", "high", { prefixListId: "pl-2", cidr: "128.0.0.0/1" }),
            ],
            undefined,
            /admits "0\.0\.0\.0\/1" and "128\.0\.0\.0\/1" on tcp port 22/,
        ],
        [
            'Compliance: port 22 given as the string "22", which the provider converts with strconv.Atoi, when 22 is permitted',
            [group("sg-m", [{ ...open("0.0.0.0/0"), fromPort: "22", toPort: "22" }])],
            { permittedPorts: [22] },
            undefined,
        ],
        [
            "Noncompliance: all protocols to the world, though port 22 is permitted",
            [group("sg-s", [open("::/0", 0, 0, "-1")])],
            { permittedPorts: [22] },
            /admits "::\/0" on all protocols and ports/,
        ],
        [
            "Noncompliance: a port range wider than what is permitted",
            [group("sg-m", [open("0.0.0.0/0", 22, 443)])],
            { permittedPorts: [22, 443] },
            /on tcp ports 22-443/,
        ],
        [
            "Noncompliance: ::/0 in a SecurityGroupRule",
            [
                r("aws:ec2/securityGroupRule:SecurityGroupRule", "web", {
                    type: "ingress",
                    securityGroupId: "sg-a",
                    ipv6CidrBlocks: ["::/0"],
                    protocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                }),
            ],
            undefined,
            /^web: The service-access security group "sg-a" admits "::\/0" on tcp port 443 \(the SecurityGroupRule web\)/,
        ],
        [
            "Compliance: an egress SecurityGroupRule to the world",
            [
                r("aws:ec2/securityGroupRule:SecurityGroupRule", "out", {
                    type: "egress",
                    securityGroupId: "sg-a",
                    cidrBlocks: ["0.0.0.0/0"],
                    protocol: "-1",
                    fromPort: 0,
                    toPort: 0,
                }),
            ],
            undefined,
            undefined,
        ],
        [
            "Noncompliance: 0.0.0.0/0 in a SecurityGroupIngressRule",
            [
                r("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rdp", {
                    securityGroupId: "sg-s",
                    cidrIpv4: "0.0.0.0/0",
                    ipProtocol: "tcp",
                    fromPort: 3389,
                    toPort: 3389,
                }),
            ],
            undefined,
            /^rdp: The core and task nodes' managed security group "sg-s" admits "0\.0\.0\.0\/0" on tcp port 3389/,
        ],
        [
            "Noncompliance: the world in an aws-native SecurityGroupIngress, ICMP",
            [
                r("aws-native:ec2:SecurityGroupIngress", "ping", {
                    groupId: "sg-m",
                    cidrIp: "0.0.0.0/0",
                    ipProtocol: "icmp",
                    fromPort: 8,
                    toPort: 0,
                }),
            ],
            { permittedPorts: [0, 8] },
            /^ping: .* admits "0\.0\.0\.0\/0" on protocol "icmp"/,
        ],
        ["Compliance: ingress from the VPC's range", [group("sg-m", [open("10.0.0.0/16", 0, 65535)])], undefined, undefined],
        [
            "Noncompliance: ports that are not integers, even as the provider converts them, are never permitted",
            [group("sg-m", [open("0.0.0.0/0", "22.0" as unknown as number)])],
            { permittedPorts: [22] },
            /on tcp ports "22\.0" to "22\.0"/,
        ],
    ];
    for (const [what, changes, config, expected] of groupCases) {
        it(what, async () => {
            const found = await violations(replaced(privateNetwork(), ...changes), config);
            if (expected) {
                assert.strictEqual(found.length, 1, found.join("\n"));
                assert.match(found[0], expected);
            } else {
                assert.deepStrictEqual(found, []);
            }
        });
    }

    it("Noncompliance: additional groups, comma-separated (aws) or a list (aws-native); a group serving two roles is judged once", async () => {
        const resources = replaced(
            privateNetwork(),
            cluster({ additionalMasterSecurityGroups: "sg-x, sg-m", emrManagedSlaveSecurityGroup: "sg-m" }),
            group("sg-x", [open("0.0.0.0/0", 8443)]),
            group("sg-m", [open("0.0.0.0/0", 80)]),
        );
        const found = await violations(resources);
        assert.deepStrictEqual(found.length, 2, found.join("\n"));
        assert.match(
            found[0],
            /^sg-m: The primary node's managed security group and the core and task nodes' managed security group and an additional security group of the primary node "sg-m" admits/,
        );
        assert.match(found[1], /^sg-x: An additional security group of the primary node "sg-x" admits "0\.0\.0\.0\/0" on tcp port 8443/);
    });

    it("defers at preview when the cluster's subnet is unknown, and never passes it", async () => {
        const found = await findings(emrClusterNetworkIsolation, replaced(privateNetwork(), cluster({ subnetId: UNKNOWN })), {
            preview: true,
        });
        assert.strictEqual(found.length, 1);
        assert.strictEqual(found[0].level, "advisory");
        assert.match(found[0].message, /can't be known during preview; the check runs again when the stack is analyzed/);
    });

    it("is not applicable to a stack without clusters", async () => {
        assert.deepStrictEqual(await violations([vpc(), subnet({ mapPublicIpOnLaunch: true })]), []);
    });
});

describe("emr-cluster-network-isolation-review: what the stack does not show is named, never passed", () => {
    it("Cannot verify: a subnet outside the stack", async () => {
        const resources = privateNetwork().filter((x) => x.type !== "aws:ec2/subnet:Subnet");
        assert.deepStrictEqual(await violations(resources), []);
        assert.deepStrictEqual(await unverified(resources), [
            `analytics: The cluster's subnet "subnet-1" is not in this stack, so whether it assigns public IPs or routes to an internet gateway cannot be verified. Check it, or manage the subnet in the stack.`,
        ]);
    });

    it("Cannot verify: a subnet whose route table is outside the stack, or whose VPC is", async () => {
        const noTable = privateNetwork().filter((x) => x.type !== "aws:ec2/routeTable:RouteTable");
        assert.match((await unverified(noTable))[0], /^private: The route table of the cluster's subnet "subnet-1" is not in this stack/);
        const noVpc = privateNetwork().filter((x) => x !== association && x.type !== "aws:ec2/vpc:Vpc");
        assert.strictEqual((await unverified(noVpc)).length, 1);
        assert.deepStrictEqual(await violations(noVpc), []);
    });

    it("Cannot verify: a security group outside the stack; rules of the stack that target it are still judged", async () => {
        const resources = [
            ...privateNetwork().filter((x) => x.name !== "sg-a"),
            r("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "wide", {
                securityGroupId: "sg-a",
                cidrIpv6: "::/0",
                ipProtocol: "-1",
            }),
        ];
        assert.deepStrictEqual(await unverified(resources), [
            `analytics: The cluster's service-access security group "sg-a" is not in this stack, so its inline rules cannot be verified; rules of the stack that target it are still checked. Check it, or manage the group in the stack.`,
        ]);
        assert.match(
            (await violations(resources))[0],
            /^wide: The service-access security group "sg-a" admits "::\/0" on all protocols and ports/,
        );
    });

    it("Cannot verify: a cluster that names no security groups runs on EMR's default groups", async () => {
        const resources = replaced(
            privateNetwork(),
            r("aws:emr/cluster:Cluster", "analytics", { ec2Attributes: { subnetId: "subnet-1" } }),
        );
        assert.deepStrictEqual(await violations(resources), []);
        assert.match((await unverified(resources))[0], /^analytics: The cluster names no security groups, so EMR uses its default groups/);
    });

    it("is advisory by default, and the violation rule mandatory", () => {
        assert.strictEqual(emrClusterNetworkIsolationReview.enforcementLevel, "advisory");
        assert.strictEqual(emrClusterNetworkIsolation.enforcementLevel, "mandatory");
    });
});

describe("emr-vpc-endpoint", () => {
    const advice = (resources: PolicyResource[]) => said(emrVpcEndpoint, resources);

    it("Compliance: the VPC has the EMR interface endpoint with private DNS (China's service name too)", async () => {
        assert.deepStrictEqual(await advice(privateNetwork()), []);
        const china = [
            ...privateNetwork().filter((x) => x.type !== "aws:ec2/vpcEndpoint:VpcEndpoint" && x.type !== "aws:ec2/vpc:Vpc"),
            vpc({ arn: "arn:aws-cn:ec2:cn-north-1:111122223333:vpc/vpc-1" }),
            endpoint({ serviceName: "cn.com.amazonaws.cn-north-1.elasticmapreduce" }),
        ];
        assert.deepStrictEqual(await advice(china), []);
    });

    const missing = (reason?: string) =>
        `vpc: The VPC "vpc" runs EMR clusters but has no interface endpoint for the EMR API with private DNS${reason ? ` (its EMR endpoint: ${reason})` : ""}, so calls to EMR leave the VPC. Add one for com.amazonaws.<region>.elasticmapreduce.`;
    const cases: [string, PolicyResource[], string][] = [
        ["no endpoint at all", privateNetwork().filter((x) => x.type !== "aws:ec2/vpcEndpoint:VpcEndpoint"), missing()],
        ["an endpoint for another service", replaced(privateNetwork(), endpoint({ serviceName: "com.amazonaws.us-east-1.s3" })), missing()],
        [
            "a Gateway-type endpoint (the default type)",
            replaced(privateNetwork(), endpoint({ vpcEndpointType: undefined })),
            missing("it is not of type Interface (the default type is Gateway, which EMR does not offer)"),
        ],
        [
            "private DNS off",
            replaced(privateNetwork(), endpoint({ privateDnsEnabled: false })),
            missing("private DNS is off, so the EMR API name still resolves to the public endpoint"),
        ],
        [
            "another Region's endpoint",
            replaced(privateNetwork(), endpoint({ serviceName: "com.amazonaws.eu-west-1.elasticmapreduce" })),
            missing(`it serves "eu-west-1", not the VPC's Region "us-east-1"`),
        ],
    ];
    for (const [what, resources, expected] of cases) {
        it(`Noncompliance (advisory): ${what}`, async () => {
            assert.deepStrictEqual(await advice(resources), [expected]);
        });
    }

    it("a cluster whose subnet is outside the stack could be in any VPC of the stack; a stack without a VPC is out of scope", async () => {
        const elsewhere = [cluster({ subnetId: "subnet-elsewhere" }), vpc()];
        assert.deepStrictEqual(await advice(elsewhere), [missing()]);
        assert.deepStrictEqual(await advice([cluster()]), []);
        assert.strictEqual(emrVpcEndpoint.enforcementLevel, "advisory");
    });
});
