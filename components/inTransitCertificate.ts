import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as s3 from "@pulumi/aws/s3";
import * as pulumi from "@pulumi/pulumi";
import { PrivateKey } from "@pulumi/tls/privateKey";
import { SelfSignedCert } from "@pulumi/tls/selfSignedCert";
import { Problem } from "../policies/model";
import {
    checkArgumentsObject,
    checkFormat,
    checkInteger,
    checkOneOf,
    isDeferred,
    listArgument,
    shown,
    warnKeyReferences,
    regionProblems,
} from "./argumentChecks";
import { certificateArchive, certificateDnsNames, certificateObjectKey, privateDnsWildcard, s3Uri } from "./certificateFiles";
import { createHardenedBucket } from "./hardenedBucket";
import { throwIfProblems, unlessCheckedByParent } from "./invalidArguments";

export const KEY_ALGORITHMS = ["RSA", "ECDSA"] as const;
export const RSA_BITS = [2048, 3072, 4096] as const;
export const ECDSA_CURVES = ["P256", "P384", "P521"] as const;
/** Five years: the longest validity accepted for a generated certificate. */
export const MAX_VALIDITY_HOURS = 43800;

/**
 * A TLS certificate for EMR in-transit encryption: the InTransitCertificate component's arguments,
 * and SecureEmrBaseline's `certificate` (one name, not `...Args`, for the generated SDKs' sake).
 */
export interface CertificateSettings {
    /** The Region of the clusters; its private DNS wildcard goes on the certificate. Defaults to the provider's. */
    region?: pulumi.Input<string>;
    /** More DNS names for the certificate, e.g. public names that Presto or Trino clients use (`*.` allowed). */
    extraDnsNames?: pulumi.Input<string>[];
    /** `RSA` (default) or `ECDSA`, for a generated key. */
    keyAlgorithm?: string;
    /** RSA key size: 2048 (default), 3072 or 4096. Smaller keys are refused. */
    rsaBits?: number;
    /** ECDSA curve: `P256` (default), `P384` or `P521`. */
    ecdsaCurve?: string;
    /** How long a generated certificate is valid, in hours (default 8760, one year; at most 43800). */
    validityHours?: number;
    /**
     * How many hours before expiry a generated certificate is renewed on the next update (default
     * 720). A renewed certificate is a new zip object, so a new security configuration.
     */
    earlyRenewalHours?: number;
    /** The organization in a generated certificate's subject. */
    organization?: pulumi.Input<string>;
    /**
     * Bring your own certificate instead of generating one (e.g. from a corporate CA): the PEM
     * certificate chain, leaf first. Give `privateKeyPem` with it.
     */
    certificateChainPem?: pulumi.Input<string>;
    /** The private key (PEM) of a certificate you bring. Keep it a secret. */
    privateKeyPem?: pulumi.Input<string>;
    /** Trust anchors (PEM) for a certificate you bring; for a generated one, the certificate itself. */
    trustedCertificatesPem?: pulumi.Input<string>;
    /** An existing bucket for the zip. When omitted, a hardened bucket is created. */
    bucketName?: pulumi.Input<string>;
    /** A KMS key ARN for the created bucket's default encryption (SSE-KMS); SSE-S3 without it. */
    kmsKeyArn?: pulumi.Input<string>;
    /** The start of the zip's object key (default `emr-tls/`). */
    objectKeyPrefix?: pulumi.Input<string>;
}

/** The InTransitCertificate component's arguments. */
export type InTransitCertificateArgs = CertificateSettings;

/**
 * A TLS certificate zip for EMR in-transit encryption (`PEM` provider): a generated self-signed
 * certificate, or one you bring, packed with EMR's file names and uploaded to a hardened bucket.
 */
export class InTransitCertificate extends pulumi.ComponentResource {
    /** `s3://bucket/key.zip`: what a security configuration's `S3Object` takes. */
    public readonly s3Uri: pulumi.Output<string>;
    /** The bucket that holds the zip. */
    public readonly bucketName: pulumi.Output<string>;
    /** The zip's object key; it changes with the certificate. */
    public readonly objectKey: pulumi.Output<string>;
    /** The certificate chain (public). */
    public readonly certificatePem: pulumi.Output<string>;
    /** The private key (secret). */
    public readonly privateKeyPem: pulumi.Output<string>;
    /** The zip's contents (secret: it holds the private key). */
    public readonly archive: pulumi.Output<pulumi.asset.Archive>;

    constructor(name: string, args: InTransitCertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("emr-security:index:InTransitCertificate", name, {}, opts);
        const invalid = `Invalid arguments for InTransitCertificate "${name}"`;
        throwIfProblems(invalid, unlessCheckedByParent(args, checkInTransitCertificateArgs), this);

        // Values that arrive as outputs are held to the same checks when they resolve; plain ones
        // were checked above.
        const checked = <T>(value: pulumi.Input<T>, check: (resolved: T) => Problem[]) =>
            pulumi.output(value).apply((resolved) => {
                throwIfProblems(invalid, isDeferred(value) ? check(resolved as T) : [], this);
                return resolved;
            }) as pulumi.Output<T>;
        let chain: pulumi.Output<string>;
        let trusted: pulumi.Output<string | undefined>;
        if (args.certificateChainPem !== undefined) {
            chain = checked(args.certificateChainPem, (v) => pemProblems("certificateChainPem", v, "CERTIFICATE"));
            trusted = checked(args.trustedCertificatesPem, (v) => pemProblems("trustedCertificatesPem", v, "CERTIFICATE"));
            this.privateKeyPem = pulumi.secret(checked(args.privateKeyPem!, (v) => pemProblems("privateKeyPem", v, "PRIVATE KEY")));
        } else {
            const region = checked(args.region ?? getRegionOutput({}, { parent: this }).region, (region) =>
                regionProblems("region", region),
            );
            const key = new PrivateKey(
                `${name}-key`,
                args.keyAlgorithm === "ECDSA"
                    ? { algorithm: "ECDSA", ecdsaCurve: args.ecdsaCurve ?? "P256" }
                    : { algorithm: "RSA", rsaBits: args.rsaBits ?? 2048 },
                { parent: this },
            );
            const certificate = new SelfSignedCert(
                `${name}-cert`,
                {
                    privateKeyPem: key.privateKeyPem,
                    subject: { commonName: pulumi.output(region).apply(privateDnsWildcard), organization: args.organization },
                    dnsNames: pulumi.all([region, args.extraDnsNames ?? []]).apply(([r, extra]) => certificateDnsNames(r, extra)),
                    validityPeriodHours: args.validityHours ?? 8760,
                    earlyRenewalHours: args.earlyRenewalHours ?? 720,
                    // Serves as its own trust anchor, as AWS's self-signed example does.
                    isCaCertificate: true,
                    allowedUses: ["key_encipherment", "digital_signature", "server_auth", "client_auth", "cert_signing"],
                },
                { parent: this },
            );
            chain = certificate.certPem;
            trusted = certificate.certPem;
            this.privateKeyPem = pulumi.secret(key.privateKeyPem);
        }

        // Built inside apply, since asset constructors take plain strings; secret because it holds the key.
        this.archive = pulumi.secret(
            pulumi
                .all([this.privateKeyPem, chain, trusted])
                .apply(([privateKeyPem, certificateChainPem, trustedCertificatesPem]) =>
                    certificateArchive({ privateKeyPem, certificateChainPem, trustedCertificatesPem }),
                ),
        );

        let hardening: pulumi.Resource[] = [];
        if (args.bucketName === undefined) {
            warnKeyReferences(this, `InTransitCertificate "${name}"`, [{ path: "kmsKeyArn", value: args.kmsKeyArn }]);
            const created = createHardenedBucket(`${name}-bucket`, this, args.kmsKeyArn);
            this.bucketName = created.bucket.bucket;
            hardening = created.hardening;
        } else {
            this.bucketName = pulumi.output(args.bucketName);
        }
        this.objectKey = pulumi
            .all([checked(args.objectKeyPrefix ?? "emr-tls/", objectKeyPrefixProblems), chain])
            .apply(([prefix, pem]) => certificateObjectKey(prefix, pem));
        const zip = new s3.BucketObjectv2(
            `${name}-zip`,
            { bucket: this.bucketName, key: this.objectKey, source: this.archive, contentType: "application/zip" },
            { parent: this, dependsOn: hardening },
        );
        this.certificatePem = chain;
        this.s3Uri = pulumi.all([zip.bucket, zip.key]).apply(([bucket, key]) => s3Uri(bucket, key));
        this.registerOutputs({
            s3Uri: this.s3Uri,
            bucketName: this.bucketName,
            objectKey: this.objectKey,
            certificatePem: this.certificatePem,
            privateKeyPem: this.privateKeyPem,
            archive: this.archive,
        });
    }
}

/** Every problem with the arguments that can be seen without resolving outputs. */
export function checkInTransitCertificateArgs(args: InTransitCertificateArgs): Problem[] {
    const notAnObject = checkArgumentsObject(args);
    if (notAnObject) {
        return [notAnObject];
    }
    const problems: Problem[] = [
        ...pemProblems("certificateChainPem", args.certificateChainPem, "CERTIFICATE"),
        ...pemProblems("trustedCertificatesPem", args.trustedCertificatesPem, "CERTIFICATE"),
        ...pemProblems("privateKeyPem", args.privateKeyPem, "PRIVATE KEY"),
        ...objectKeyPrefixProblems(args.objectKeyPrefix),
    ];
    const bringsCertificate = args.certificateChainPem !== undefined || args.privateKeyPem !== undefined;
    if (bringsCertificate) {
        if (args.certificateChainPem === undefined || args.privateKeyPem === undefined) {
            problems.push({
                path: "certificateChainPem",
                code: "missing-required",
                message: "certificateChainPem and privateKeyPem must be given together, or neither to generate a certificate",
            });
        }
        for (const generatedOnly of [
            "keyAlgorithm",
            "rsaBits",
            "ecdsaCurve",
            "validityHours",
            "earlyRenewalHours",
            "extraDnsNames",
            "organization",
        ] as const) {
            if (args[generatedOnly] !== undefined) {
                problems.push({
                    path: generatedOnly,
                    code: "conflicting-arguments",
                    message: `${generatedOnly} applies to a generated certificate, not to one you bring`,
                });
            }
        }
    } else if (args.trustedCertificatesPem !== undefined) {
        problems.push({
            path: "trustedCertificatesPem",
            code: "conflicting-arguments",
            message: "trustedCertificatesPem applies to a certificate you bring; a generated one is its own trust anchor",
        });
    }
    checkOneOf(problems, "keyAlgorithm", args.keyAlgorithm, KEY_ALGORITHMS);
    if (args.rsaBits !== undefined && !(RSA_BITS as readonly number[]).includes(args.rsaBits)) {
        problems.push({
            path: "rsaBits",
            code: typeof args.rsaBits === "number" ? "value-not-allowed" : "wrong-type",
            message: `rsaBits must be 2048, 3072 or 4096 (smaller RSA keys are refused); got ${shown(args.rsaBits)}`,
        });
    }
    if (args.rsaBits !== undefined && args.keyAlgorithm === "ECDSA") {
        problems.push({ path: "rsaBits", code: "conflicting-arguments", message: 'rsaBits applies to keyAlgorithm "RSA"' });
    }
    if (args.ecdsaCurve !== undefined && args.keyAlgorithm !== "ECDSA") {
        problems.push({ path: "ecdsaCurve", code: "conflicting-arguments", message: 'ecdsaCurve applies to keyAlgorithm "ECDSA"' });
    }
    checkOneOf(problems, "ecdsaCurve", args.ecdsaCurve, ECDSA_CURVES);
    checkInteger(problems, "validityHours", args.validityHours, 24, MAX_VALIDITY_HOURS);
    const validity = args.validityHours ?? 8760;
    checkInteger(problems, "earlyRenewalHours", args.earlyRenewalHours, 0, validity - 1);
    problems.push(...regionProblems("region", args.region));
    listArgument(problems, "extraDnsNames", args.extraDnsNames).forEach((dnsName, i) => {
        if (!isDeferred(dnsName)) {
            checkFormat(problems, `extraDnsNames[${i}]`, typeof dnsName === "string" ? dnsName.replace(/^\*\./, "") : dnsName, "dnsName");
        }
    });
    checkFormat(problems, "kmsKeyArn", args.kmsKeyArn, "kmsKey");
    if (args.kmsKeyArn !== undefined && args.bucketName !== undefined) {
        problems.push({
            path: "kmsKeyArn",
            code: "conflicting-arguments",
            message: "kmsKeyArn sets the encryption of a created bucket; with bucketName, configure your bucket's encryption yourself",
        });
    }
    checkFormat(problems, "bucketName", args.bucketName, "bucketName");
    return problems;
}

/** The longest object key S3 stores, in UTF-8 bytes. */
const MAX_OBJECT_KEY_BYTES = 1024;
/** What the zip's name adds to the prefix: 16 hex digits and `.zip`. */
const ZIP_NAME_BYTES = 20;

function objectKeyPrefixProblems(prefix: unknown): Problem[] {
    if (typeof prefix !== "string") {
        return [];
    }
    const bytes = Buffer.byteLength(prefix, "utf8");
    return bytes + ZIP_NAME_BYTES > MAX_OBJECT_KEY_BYTES
        ? [
              {
                  path: "objectKeyPrefix",
                  code: "out-of-range",
                  message: `objectKeyPrefix is ${bytes} bytes; with the zip's name (${ZIP_NAME_BYTES} bytes) it must fit S3's ${MAX_OBJECT_KEY_BYTES}-byte key limit`,
              },
          ]
        : [];
}

/**
 * A PEM block of the expected kind, non-empty. The value is never shown: a private key is secret,
 * and a certificate chain can be long.
 */
function pemProblems(path: string, pem: unknown, kind: "CERTIFICATE" | "PRIVATE KEY"): Problem[] {
    if (pem === undefined || isDeferred(pem)) {
        return [];
    }
    const block = new RegExp(`-----BEGIN [A-Z ]*${kind}-----\\s*[A-Za-z0-9+/=\\s]+-----END [A-Z ]*${kind}-----`);
    if (typeof pem !== "string" || !block.test(pem)) {
        return [
            {
                path,
                code: "bad-format",
                message: `${path} must be PEM text holding a ${kind} block (-----BEGIN ...${kind}----- ... -----END ...${kind}-----); got ${typeof pem === "string" ? `${pem.length} characters without one` : shown(pem)}`,
            },
        ];
    }
    return [];
}
