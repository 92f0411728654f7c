/**
 * An engine that answers like the providers do, without network or credentials: deterministic
 * ids and ARNs derived from names, and the common AWS invokes answered from the stack's settings.
 * It records every registration. `emr-security synth` and `check` run programs on it, and the
 * test suite's mocks extend it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/**
 * Resource properties as the SDK's mock interface hands them over: untyped JSON, whose shape
 * depends on the resource type being answered.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

export interface EngineSettings {
    project: string;
    stack: string;
    region: string;
    accountId: string;
    partition: string;
    /** At preview, providers compute nothing: outputs beyond the inputs are unknown. */
    preview: boolean;
    /** Outputs of other stacks, by the name a `StackReference` gives (`org/project/stack`). */
    stackReferences?: Record<string, Record<string, unknown>>;
}

export interface Registration {
    type: string;
    name: string;
    urn: string;
    /** The URN of the parent, when the resource has one. */
    parent?: string;
    custom: boolean;
    inputs: Props;
    /** The outputs the engine answered with (the inputs plus what the provider computes). */
    state?: Props;
    protect?: boolean;
    retainOnDelete?: boolean;
    /** URNs of the resources it was told to depend on. */
    dependencies?: string[];
    /** Where the program declared it, as the SDK reports it (`RegisterResourceRequest.sourcePosition`). */
    sourcePosition?: SourcePosition;
}

/** A place in the program's sources: the file's URI as the SDK sends it, and a 1-based line and column. */
export interface SourcePosition {
    uri: string;
    line: number;
    column: number;
}

function sourcePositionOf(req: RegisterRequest): SourcePosition | undefined {
    const position = req.getSourceposition?.();
    return position && position.getUri() ? { uri: position.getUri(), line: position.getLine(), column: position.getColumn() } : undefined;
}

/** What the SDK's mock monitor sends for each registration, read before it reaches the engine. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDependenciesList(): string[];
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/** The part of `@pulumi/pulumi` the engine installs itself on: the copy the program resolves. */
export interface PulumiModule {
    runtime: {
        setMocks(mocks: pulumi.runtime.Mocks, project?: string, stack?: string, preview?: boolean): Promise<void>;
        getMonitor(): unknown;
    };
}

/** The EC2 resources the engine gives ids and ARNs: the ARN's resource kind and the id's prefix. */
const EC2_KINDS: Record<string, [string, string]> = {
    "aws:ec2/subnet:Subnet": ["subnet", "subnet"],
    "aws:ec2/securityGroup:SecurityGroup": ["security-group", "sg"],
    "aws:ec2/routeTable:RouteTable": ["route-table", "rtb"],
    "aws:ec2/internetGateway:InternetGateway": ["internet-gateway", "igw"],
    "aws:ec2/vpcEndpoint:VpcEndpoint": ["vpc-endpoint", "vpce"],
};

/** The type of the root resource every program's resources sit under. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

export function hashOf(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** A UUID-shaped id, the same for the same seed. */
export function uuidFrom(seed: string): string {
    const h = hashOf(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The SDK's mock monitor rebuilds an invoke's error from the gRPC `details` field alone. */
class UnansweredInvoke extends Error {
    readonly details: string;

    constructor(message: string) {
        super(message);
        this.details = message;
    }
}

/** The type the SDK registers a `pulumi.StackReference` under, read rather than created. */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

export class OfflineEngine implements pulumi.runtime.Mocks {
    public readonly registered: Registration[] = [];
    /** Options read off each request, by type and name, until the mock hands the registration over. */
    private readonly pending = new Map<string, Omit<Registration, "urn" | "inputs">[]>();
    private readonly urns = new Set<string>();

    constructor(public readonly settings: EngineSettings) {}

    get preview(): boolean {
        return this.settings.preview;
    }

    /** The AWS invokes answered offline, by token. */
    protected invokes(): Record<string, (inputs: Props) => Props> {
        const { region, accountId, partition } = this.settings;
        const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        return {
            "aws:index/getCallerIdentity:getCallerIdentity": () => ({
                accountId,
                arn: `arn:${partition}:iam::${accountId}:user/offline`,
                userId: "AIDAOFFLINE",
                id: accountId,
            }),
            "aws:index/getPartition:getPartition": () => ({
                partition,
                dnsSuffix,
                reverseDnsPrefix: dnsSuffix.split(".").reverse().join("."),
                id: partition,
            }),
            "aws:index/getRegion:getRegion": () => ({
                name: region,
                region,
                id: region,
                endpoint: `ec2.${region}.${dnsSuffix}`,
                description: region,
            }),
            "aws:index/getAvailabilityZones:getAvailabilityZones": () => {
                const names = ["a", "b", "c"].map((z) => `${region}${z}`);
                return { id: region, names, zoneIds: names.map((_, i) => `${region.replace(/-/g, "")}-az${i + 1}`), groupNames: [region] };
            },
        };
    }

    call(args: pulumi.runtime.MockCallArgs): Props {
        const answer = this.invokes()[args.token];
        if (!answer) {
            const known = Object.keys(this.invokes()).join(", ");
            throw new UnansweredInvoke(
                `The offline engine cannot answer the invoke "${args.token}": it answers only ${known}. Give the value to the program through stack config instead.`,
            );
        }
        return answer(args.inputs);
    }

    /** What the provider computes on create, by resource type. */
    protected computed(type: string, name: string, inputs: Props): Record<string, unknown> | Promise<Record<string, unknown>> {
        const { region, accountId, partition } = this.settings;
        const ec2Arn = (kind: string, id: string) => ({ arn: `arn:${partition}:ec2:${region}:${accountId}:${kind}/${id}` });
        switch (type) {
            case "aws:kms/key:Key": {
                const keyId = uuidFrom(`${this.settings.stack}/${name}`);
                return { keyId, arn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}` };
            }
            case "aws:kms/alias:Alias": {
                const alias = inputs.name ?? `${inputs.namePrefix ?? "alias/"}${hashOf(name, 8)}`;
                return { name: alias, arn: `arn:${partition}:kms:${region}:${accountId}:${alias}` };
            }
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2": {
                const bucket = inputs.bucket ?? `${inputs.bucketPrefix ?? `${name}-`}${hashOf(name, 7)}`.toLowerCase();
                return { bucket, arn: `arn:${partition}:s3:::${bucket}`, bucketDomainName: `${bucket}.s3.${dnsSuffixOf(partition)}` };
            }
            case "aws:s3/bucketObjectv2:BucketObjectv2":
                return { versionId: hashOf(`${name}/${inputs.key}`, 32), etag: hashOf(String(inputs.key), 32) };
            case "aws:iam/role:Role":
            case "aws:iam/instanceProfile:InstanceProfile": {
                const roleName = inputs.name ?? `${name}-${hashOf(name, 7)}`;
                const kind = type === "aws:iam/role:Role" ? "role" : "instance-profile";
                return {
                    name: roleName,
                    arn: `arn:${partition}:iam::${accountId}:${kind}/${roleName}`,
                    uniqueId: `AROA${hashOf(name, 17).toUpperCase()}`,
                };
            }
            case "aws:emr/securityConfiguration:SecurityConfiguration":
                return {
                    name: inputs.name ?? `${inputs.namePrefix ?? "tf-emr-sc-"}${hashOf(name, 8)}`,
                    creationDate: "2026-01-01T00:00:00Z",
                };
            case "aws:emr/cluster:Cluster": {
                const id = `j-${hashOf(name, 13).toUpperCase()}`;
                return {
                    clusterState: "WAITING",
                    arn: `arn:${partition}:elasticmapreduce:${region}:${accountId}:cluster/${id}`,
                    masterPublicDns: "",
                };
            }
            case "aws:ec2/vpc:Vpc": {
                const ids = (prefix: string) => `${prefix}-${hashOf(`${prefix}/${name}`, 17)}`;
                const mainRouteTableId = ids("rtb");
                return {
                    ...ec2Arn("vpc", ids("vpc")),
                    mainRouteTableId,
                    defaultRouteTableId: mainRouteTableId,
                    defaultSecurityGroupId: ids("sg"),
                    defaultNetworkAclId: ids("acl"),
                    ownerId: accountId,
                };
            }
            case "aws:ec2/subnet:Subnet":
            case "aws:ec2/securityGroup:SecurityGroup":
            case "aws:ec2/routeTable:RouteTable":
            case "aws:ec2/internetGateway:InternetGateway":
            case "aws:ec2/vpcEndpoint:VpcEndpoint": {
                const [kind, prefix] = EC2_KINDS[type];
                return { ...ec2Arn(kind, `${prefix}-${hashOf(`${type}/${name}`, 17)}`), ownerId: accountId };
            }
            case "tls:index/privateKey:PrivateKey":
                return offlineKey(name, inputs);
            case "tls:index/selfSignedCert:SelfSignedCert":
            case "tls:index/locallySignedCert:LocallySignedCert":
                return {
                    certPem: `-----BEGIN CERTIFICATE-----\nOFFLINE${hashOf(`${name}/${JSON.stringify(inputs.dnsNames ?? [])}`, 56)}\n-----END CERTIFICATE-----\n`,
                    validityStartTime: "2026-01-01T00:00:00Z",
                    validityEndTime: new Date(
                        Date.parse("2026-01-01T00:00:00Z") + Number(inputs.validityPeriodHours ?? 0) * 3600000,
                    ).toISOString(),
                };
            case "random:index/randomPassword:RandomPassword":
                return {
                    result: `Aa1!${hashOf(`password/${name}`, Math.max(4, (inputs.length ?? 32) - 4))}`,
                    bcryptHash: "$2a$10$offline",
                };
            default:
                return {};
        }
    }

    /** The id the provider gives: a bucket's is its name, a key's its key id, a role's its name, an EC2 resource's the end of its ARN. */
    protected idOf(type: string, name: string, state: Props): string {
        switch (type) {
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2":
                return state.bucket;
            case "aws:kms/key:Key":
                return state.keyId;
            case "aws:iam/role:Role":
            case "aws:iam/instanceProfile:InstanceProfile":
            case "aws:emr/securityConfiguration:SecurityConfiguration":
                return state.name;
            case "aws:emr/cluster:Cluster":
            case "aws:ec2/vpc:Vpc":
            case "aws:ec2/subnet:Subnet":
            case "aws:ec2/securityGroup:SecurityGroup":
            case "aws:ec2/routeTable:RouteTable":
            case "aws:ec2/internetGateway:InternetGateway":
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                return String(state.arn).split("/").pop()!;
            default:
                return `${name}-${hashOf(`${type}/${name}`, 8)}`;
        }
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Props }> {
        const key = `${args.type}::${args.name}`;
        const queue = this.pending.get(key);
        const sent = queue?.shift();
        if (queue?.length === 0) {
            this.pending.delete(key);
        }
        const parent = sent?.parent || undefined;
        const urn = this.urnOf(parent, args.type, args.name);
        // The engine refuses a second resource with the same URN (diag 2001 in pulumi/pulumi's
        // pkg/diag/errors.go); the SDK's mock monitor would silently keep the last one.
        if (this.urns.has(urn)) {
            throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        }
        this.urns.add(urn);
        if (args.type === STACK_REFERENCE_TYPE) {
            return this.stackReference(args, urn, parent);
        }
        const registration: Registration = {
            type: args.type,
            name: args.name,
            urn,
            parent,
            custom: sent?.custom ?? args.custom ?? true,
            inputs: args.inputs,
            protect: sent?.protect,
            retainOnDelete: sent?.retainOnDelete,
            dependencies: sent?.dependencies,
            sourcePosition: sent?.sourcePosition,
        };
        this.registered.push(registration);
        const state =
            this.preview || !registration.custom
                ? { ...args.inputs }
                : { ...args.inputs, ...(await this.computed(args.type, args.name, args.inputs)) };
        registration.state = state;
        return { id: this.preview ? undefined : this.idOf(args.type, args.name, state), state };
    }

    /** A stack reference reads another stack's outputs: offline, only those the user gave. */
    private stackReference(args: pulumi.runtime.MockResourceArgs, urn: string, parent: string | undefined): { id: string; state: Props } {
        const name = String(args.inputs.name ?? args.name);
        const outputs = this.settings.stackReferences?.[name];
        if (outputs === undefined) {
            throw new Error(
                `StackReference ${JSON.stringify(name)}: offline there is no stack to read. Give its outputs with --stack-reference ${name}=FILE, FILE holding the JSON that pulumi stack output --json --stack ${name} prints.`,
            );
        }
        const state = { name, outputs, secretOutputNames: [] };
        this.registered.push({ type: args.type, name: args.name, urn, parent, custom: true, inputs: args.inputs, state });
        return { id: name, state };
    }

    /**
     * A resource's URN as the engine makes it: the parent's type qualifies the child's, except the
     * root stack's, which the engine leaves out.
     */
    urnOf(parent: string | undefined, type: string, name: string): string {
        const parentType = parent?.split("::")[2]?.split("$").pop();
        const qualified = parentType && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
        return `urn:pulumi:${this.settings.stack}::${this.settings.project}::${qualified}::${name}`;
    }

    /** Installs the engine on the given copy of `@pulumi/pulumi`, reading each request's options as it goes by. */
    async install(pulumiModule: PulumiModule): Promise<void> {
        await pulumiModule.runtime.setMocks(this, this.settings.project, this.settings.stack, this.settings.preview);
        // The mock monitor does not hand parent, protect or dependencies to the mocks: read them off
        // each request the SDK sends, which is what a real engine receives. Its URNs follow this
        // engine's settings and rules, not the process's.
        const monitor = pulumiModule.runtime.getMonitor() as {
            registerResource: (req: RegisterRequest, cb: unknown) => void;
            newUrn?: (parent: string, type: string, name: string) => string;
        };
        monitor.newUrn = (parent, type, name) => this.urnOf(parent || undefined, type, name);
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req, cb) => {
            const key = `${req.getType()}::${req.getName()}`;
            const queue = this.pending.get(key) ?? [];
            this.pending.set(key, queue);
            queue.push({
                type: req.getType(),
                name: req.getName(),
                parent: req.getParent(),
                custom: req.getCustom(),
                protect: req.getProtect(),
                retainOnDelete: req.getRetainondelete(),
                dependencies: req.getDependenciesList(),
                sourcePosition: sourcePositionOf(req),
            });
            register(req, cb);
        };
    }

    /** The registered resources of one type. */
    ofType(type: string): Registration[] {
        return this.registered.filter((r) => r.type === type);
    }

    /** The one registered resource of a type; throws when there are none or several. */
    one(type: string): Registration {
        const found = this.ofType(type);
        if (found.length !== 1) {
            throw new Error(`expected one ${type}, found ${found.length}`);
        }
        return found[0];
    }

    /** The registered resources whose parent is the given one. */
    childrenOf(parent: Registration): Registration[] {
        return this.registered.filter((r) => r.parent === parent.urn);
    }
}

function dnsSuffixOf(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/** Stand-in key material: shaped like the provider's outputs, never a usable key. */
function offlineKey(name: string, inputs: Props): Record<string, unknown> {
    const rsa = inputs.algorithm === "RSA";
    const body = hashOf(`key/${name}`, 64);
    return {
        privateKeyPem: `-----BEGIN ${rsa ? "RSA" : "EC"} PRIVATE KEY-----\nOFFLINE${body}\n-----END ${rsa ? "RSA" : "EC"} PRIVATE KEY-----\n`,
        privateKeyPemPkcs8: `-----BEGIN PRIVATE KEY-----\nOFFLINE${body}\n-----END PRIVATE KEY-----\n`,
        publicKeyPem: `-----BEGIN PUBLIC KEY-----\nOFFLINE${hashOf(`public/${name}`, 64)}\n-----END PUBLIC KEY-----\n`,
        rsaBits: rsa ? (inputs.rsaBits ?? 2048) : 0,
        ecdsaCurve: rsa ? "P224" : (inputs.ecdsaCurve ?? "P224"),
    };
}
