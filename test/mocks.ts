/**
 * Pulumi mocks that answer the way the AWS and TLS providers do: ids and ARNs derived from names at
 * update, and nothing beyond the inputs at preview (so computed outputs are unknown, as they are
 * for a resource the real engine has not created yet). They record every registration.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

export interface Registered {
    type: string;
    name: string;
    inputs: Record<string, any>;
    /** The URN of the parent, when the resource has one. */
    parent?: string;
    urn: string;
    protect?: boolean;
    retainOnDelete?: boolean;
}

function uuidFrom(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What the provider computes on create, by resource type. */
function computed(type: string, name: string, inputs: Record<string, any>): Record<string, unknown> {
    switch (type) {
        case "aws:kms/key:Key": {
            const keyId = uuidFrom(name);
            return { keyId, arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}` };
        }
        case "aws:kms/alias:Alias":
            return { arn: `arn:aws:kms:${REGION}:${ACCOUNT}:${inputs.name}` };
        case "aws:s3/bucket:Bucket": {
            const bucket = inputs.bucket ?? `${name}-${uuidFrom(name).slice(0, 7)}`;
            return { bucket, arn: `arn:aws:s3:::${bucket}` };
        }
        case "aws:emr/securityConfiguration:SecurityConfiguration":
            return { name: inputs.name ?? `tf-emr-sc-${uuidFrom(name).slice(0, 8)}` };
        default:
            return {};
    }
}

export class ProviderLikeMocks implements pulumi.runtime.Mocks {
    public readonly registered: Registered[] = [];
    private readonly invokes: Record<string, (inputs: Record<string, any>) => Record<string, any>> = {
        "aws:index/getCallerIdentity:getCallerIdentity": () => ({
            accountId: ACCOUNT,
            arn: `arn:aws:iam::${ACCOUNT}:user/test`,
            userId: "AIDATEST",
            id: ACCOUNT,
        }),
        "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
        "aws:index/getRegion:getRegion": () => ({ name: REGION, region: REGION, id: REGION }),
    };

    constructor(public readonly preview: boolean) {}

    /** Resource options as the SDK sent them to the engine, in registration order. */
    public readonly options: { type: string; name: string; parent?: string; protect?: boolean; retainOnDelete?: boolean }[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const sent = this.options.find((o) => o.type === args.type && o.name === args.name);
        const parent = sent?.parent || undefined;
        const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${args.type}` : args.type;
        const urn = `urn:pulumi:test::emr-security::${qualified}::${args.name}`;
        this.registered.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            urn,
            parent,
            protect: sent?.protect,
            retainOnDelete: sent?.retainOnDelete,
        });
        if (this.preview) {
            return { id: undefined, state: { ...args.inputs } };
        }
        return { id: `${args.name}-id`, state: { ...args.inputs, ...computed(args.type, args.name, args.inputs) } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const answer = this.invokes[args.token];
        if (!answer) {
            throw new Error(`the test mocks cannot answer the invoke ${args.token}`);
        }
        return answer(args.inputs);
    }

    /** The registered resources of one type. */
    ofType(type: string): Registered[] {
        return this.registered.filter((r) => r.type === type);
    }

    one(type: string): Registered {
        const found = this.ofType(type);
        if (found.length !== 1) {
            throw new Error(`expected one ${type}, found ${found.length}`);
        }
        return found[0];
    }
}

/** Installs fresh mocks, in preview (dry-run) or update mode. */
export async function useMocks(preview: boolean): Promise<ProviderLikeMocks> {
    const mocks = new ProviderLikeMocks(preview);
    await pulumi.runtime.setMocks(mocks, "emr-security", "test", preview);
    // The mock monitor does not pass parent, protect or retainOnDelete on to the mocks: read them
    // off each request the SDK sends, which is what the real engine would receive.
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: (req: RegisterRequest, cb: unknown) => void };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        mocks.options.push({
            type: req.getType(),
            name: req.getName(),
            parent: req.getParent(),
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete(),
        });
        register(req, cb);
    };
    return mocks;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
}

/** Resolves an output's value, or `undefined` when it is unknown. */
export async function valueOf<T>(output: pulumi.Output<T>): Promise<T | undefined> {
    if (!(await isKnown(output))) {
        return undefined;
    }
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Whether an output is known: read through the SDK's internal promise, absent from its types. */
export async function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

export async function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(output);
}
