/**
 * Pulumi mocks that answer the way the AWS and TLS providers do: ids and ARNs derived from names at
 * update, and nothing beyond the inputs at preview (so computed outputs are unknown, as they are
 * for a resource the real engine has not created yet). They record every registration.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import * as pulumi from "@pulumi/pulumi";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from "crypto";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

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
    /** URNs of the resources it was told to depend on. */
    dependencies?: string[];
    /** The outputs the mock answered with (the inputs plus what the provider computes). */
    state?: Record<string, any>;
}

function uuidFrom(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const CURVES: Record<string, { node: string; web: string }> = {
    P224: { node: "secp224r1", web: "P-224" },
    P256: { node: "prime256v1", web: "P-256" },
    P384: { node: "secp384r1", web: "P-384" },
    P521: { node: "secp521r1", web: "P-521" },
};

/** A real key, in the formats the tls provider returns: PKCS#1 for RSA, SEC1 for ECDSA. */
function tlsPrivateKey(inputs: Record<string, any>): Record<string, unknown> {
    const rsa = inputs.algorithm === "RSA";
    const { privateKey, publicKey } = rsa
        ? generateKeyPairSync("rsa", { modulusLength: inputs.rsaBits ?? 2048 })
        : generateKeyPairSync("ec", { namedCurve: CURVES[inputs.ecdsaCurve ?? "P224"].node });
    return {
        privateKeyPem: privateKey.export({ type: rsa ? "pkcs1" : "sec1", format: "pem" }),
        privateKeyPemPkcs8: privateKey.export({ type: "pkcs8", format: "pem" }),
        publicKeyPem: publicKey.export({ type: "spki", format: "pem" }),
        rsaBits: rsa ? (inputs.rsaBits ?? 2048) : 0,
        ecdsaCurve: rsa ? "P224" : (inputs.ecdsaCurve ?? "P224"),
    };
}

const KEY_USAGES: Record<string, number> = {
    digital_signature: x509.KeyUsageFlags.digitalSignature,
    key_encipherment: x509.KeyUsageFlags.keyEncipherment,
    cert_signing: x509.KeyUsageFlags.keyCertSign,
};
const EXTENDED_USAGES: Record<string, string> = {
    server_auth: x509.ExtendedKeyUsage.serverAuth,
    client_auth: x509.ExtendedKeyUsage.clientAuth,
};

/** A real self-signed certificate honouring the requested subject, names, validity and uses. */
async function tlsSelfSignedCert(inputs: Record<string, any>): Promise<Record<string, unknown>> {
    // The SDK marks the key input secret, so it arrives wrapped.
    const privateKeyPem: string = pulumi.runtime.unwrapRpcSecret(inputs.privateKeyPem);
    const keyObject = createPrivateKey(privateKeyPem);
    const isRsa = keyObject.asymmetricKeyType === "rsa";
    const curve = Object.values(CURVES).find((c) => c.node === keyObject.asymmetricKeyDetails?.namedCurve);
    const algorithm = isRsa ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } : { name: "ECDSA", namedCurve: curve!.web, hash: "SHA-256" };
    const privateKey = await webcrypto.subtle.importKey("pkcs8", keyObject.export({ type: "pkcs8", format: "der" }), algorithm, true, [
        "sign",
    ]);
    const spki = createPublicKey(keyObject).export({ type: "spki", format: "der" });
    const publicKey = await webcrypto.subtle.importKey("spki", spki, algorithm, true, ["verify"]);
    const notBefore = new Date();
    const notAfter = new Date(notBefore.getTime() + inputs.validityPeriodHours * 3600 * 1000);
    const subject = [
        inputs.subject?.commonName && `CN=${inputs.subject.commonName}`,
        inputs.subject?.organization && `O=${inputs.subject.organization}`,
    ]
        .filter(Boolean)
        .join(", ");
    const uses: string[] = inputs.allowedUses ?? [];
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: createHash("sha256").update(privateKeyPem).digest("hex").slice(0, 16),
        name: subject,
        notBefore,
        notAfter,
        signingAlgorithm: algorithm,
        keys: { privateKey, publicKey } as unknown as x509.X509CertificateCreateSelfSignedParams["keys"],
        extensions: [
            new x509.BasicConstraintsExtension(!!inputs.isCaCertificate, undefined, true),
            new x509.KeyUsagesExtension(
                uses.reduce((flags, use) => flags | (KEY_USAGES[use] ?? 0), 0),
                true,
            ),
            new x509.ExtendedKeyUsageExtension(uses.filter((u) => EXTENDED_USAGES[u]).map((u) => EXTENDED_USAGES[u])),
            new x509.SubjectAlternativeNameExtension((inputs.dnsNames ?? []).map((value: string) => ({ type: "dns", value }))),
        ],
    });
    return {
        certPem: certificate.toString("pem") + "\n",
        validityStartTime: notBefore.toISOString(),
        validityEndTime: notAfter.toISOString(),
    };
}

/** What the provider computes on create, by resource type. */
async function computed(type: string, name: string, inputs: Record<string, any>): Promise<Record<string, unknown>> {
    switch (type) {
        case "tls:index/privateKey:PrivateKey":
            return tlsPrivateKey(inputs);
        case "tls:index/selfSignedCert:SelfSignedCert":
            return tlsSelfSignedCert(inputs);
        case "random:index/randomPassword:RandomPassword": {
            const random = createHash("sha256")
                .update(name)
                .digest("base64url")
                .slice(0, (inputs.length ?? 32) - 4);
            return { result: `Aa1!${random}`, bcryptHash: "$2a$10$mock" };
        }
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
        case "aws:iam/role:Role":
        case "aws:iam/instanceProfile:InstanceProfile": {
            const roleName = inputs.name ?? `${name}-${uuidFrom(name).slice(0, 7)}`;
            const kind = type === "aws:iam/role:Role" ? "role" : "instance-profile";
            return { name: roleName, arn: `arn:aws:iam::${ACCOUNT}:${kind}/${roleName}` };
        }
        case "aws:emr/cluster:Cluster":
            return { clusterState: "WAITING" };
        case "aws:emr/securityConfiguration:SecurityConfiguration":
            return { name: inputs.name ?? `tf-emr-sc-${uuidFrom(name).slice(0, 8)}` };
        default:
            return {};
    }
}

/** The id the provider gives: a bucket's is its name, a key's its key id, a role's its name. */
function idOf(type: string, name: string, state: Record<string, any>): string {
    switch (type) {
        case "aws:s3/bucket:Bucket":
            return state.bucket;
        case "aws:kms/key:Key":
            return state.keyId;
        case "aws:iam/role:Role":
        case "aws:iam/instanceProfile:InstanceProfile":
        case "aws:emr/securityConfiguration:SecurityConfiguration":
            return state.name;
        default:
            return `${name}-id`;
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
    public readonly options: {
        type: string;
        name: string;
        parent?: string;
        protect?: boolean;
        retainOnDelete?: boolean;
        dependencies?: string[];
    }[] = [];

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, any> }> {
        const sent = this.options.find((o) => o.type === args.type && o.name === args.name);
        const parent = sent?.parent || undefined;
        const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${args.type}` : args.type;
        const urn = `urn:pulumi:test::emr-security::${qualified}::${args.name}`;
        const registered: Registered = {
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            urn,
            parent,
            protect: sent?.protect,
            retainOnDelete: sent?.retainOnDelete,
            dependencies: sent?.dependencies,
        };
        this.registered.push(registered);
        const state = this.preview ? { ...args.inputs } : { ...args.inputs, ...(await computed(args.type, args.name, args.inputs)) };
        registered.state = state;
        return { id: this.preview ? undefined : idOf(args.type, args.name, state), state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const answer = this.invokes[args.token];
        if (!answer) {
            throw new Error(`the test mocks cannot answer the invoke ${args.token}`);
        }
        return answer(args.inputs);
    }

    /** The registered resources whose parent is the given one. */
    childrenOf(parent: Registered): Registered[] {
        return this.registered.filter((r) => r.parent === parent.urn);
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
            dependencies: req.getDependenciesList(),
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
    getDependenciesList(): string[];
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
