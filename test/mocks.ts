/**
 * The offline engine, answering as the providers do, with one difference for tests: the tls
 * provider's answers are a real key and a real X.509 certificate honouring the requested subject,
 * names and validity, so tests can open and verify them.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import * as pulumi from "@pulumi/pulumi";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from "crypto";
import { OfflineEngine, Registration } from "../cli/offlineEngine";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

export type Registered = Registration;

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

export class ProviderLikeMocks extends OfflineEngine {
    constructor(preview: boolean) {
        super({ project: "emr-security", stack: "test", region: REGION, accountId: ACCOUNT, partition: "aws", preview });
    }

    protected override computed(
        type: string,
        name: string,
        inputs: Record<string, any>,
    ): Record<string, unknown> | Promise<Record<string, unknown>> {
        switch (type) {
            case "tls:index/privateKey:PrivateKey":
                return tlsPrivateKey(inputs);
            case "tls:index/selfSignedCert:SelfSignedCert":
                return tlsSelfSignedCert(inputs);
            default:
                return super.computed(type, name, inputs);
        }
    }
}

/** Installs fresh mocks, in preview (dry-run) or update mode. */
export async function useMocks(preview: boolean): Promise<ProviderLikeMocks> {
    const mocks = new ProviderLikeMocks(preview);
    await mocks.install(pulumi);
    // A test may end while an earlier test's components still register their outputs. Those reach
    // this test's monitor, which never saw them and would reject them outside any test, taking
    // the worker down (seen on Node.js 22 in CI). They belong to a finished test: answer them.
    const monitor = pulumi.runtime.getMonitor() as unknown as {
        resources: Map<string, unknown>;
        registerResourceOutputs(request: { getUrn(): string }, callback: (error: Error | null, response?: object) => void): void;
    };
    const register = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (request, callback) =>
        monitor.resources.has(request.getUrn()) ? register(request, callback) : callback(null, {});
    return mocks;
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

/** Runs `body` with `pulumi.log.warn` captured, and gives back what it logged. */
export async function withWarnings<T>(body: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    (pulumi.log as { warn: typeof warn }).warn = (message: string) => {
        warnings.push(message);
        return Promise.resolve();
    };
    try {
        return { result: await body(), warnings };
    } finally {
        (pulumi.log as { warn: typeof warn }).warn = warn;
    }
}

/** A role ARN in the test account. */
export const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** The smallest complete baseline arguments: roles, release, Region, account and partition. */
export const BASELINE_ARGS = {
    instanceProfileRoleArn: role("EMR_EC2_DefaultRole"),
    serviceRoleArn: role("EMR_DefaultRole_V2"),
    releaseLabel: "emr-7.5.0",
    region: "us-east-1",
    accountId: ACCOUNT,
    partition: "aws",
};
