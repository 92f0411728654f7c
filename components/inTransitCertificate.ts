import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as s3 from "@pulumi/aws/s3";
import * as pulumi from "@pulumi/pulumi";
import { PrivateKey } from "@pulumi/tls/privateKey";
import { SelfSignedCert } from "@pulumi/tls/selfSignedCert";
import { ArgumentProblem, checkFormat, checkInteger, checkOneOf, isDeferred, throwIfProblems, warnKeyReferences } from "./argumentChecks";
import { certificateArchive, certificateDnsNames, certificateObjectKey, privateDnsWildcard, s3Uri } from "./certificateFiles";
import { createHardenedBucket } from "./hardenedBucket";

export const KEY_ALGORITHMS = ["RSA", "ECDSA"] as const;
export const RSA_BITS = [2048, 3072, 4096] as const;
export const ECDSA_CURVES = ["P256", "P384", "P521"] as const;
/** Five years: the longest validity accepted for a generated certificate. */
export const MAX_VALIDITY_HOURS = 43800;

export interface InTransitCertificateArgs {
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
        throwIfProblems(this, "InTransitCertificate", name, checkInTransitCertificateArgs(args));

        let chain: pulumi.Output<string>;
        let trusted: pulumi.Output<string | undefined>;
        if (args.certificateChainPem !== undefined) {
            chain = pulumi.output(args.certificateChainPem);
            trusted = pulumi.output(args.trustedCertificatesPem);
            this.privateKeyPem = pulumi.secret(args.privateKeyPem!);
        } else {
            const region = args.region ?? getRegionOutput({}, { parent: this }).region;
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
            .all([args.objectKeyPrefix ?? "emr-tls/", chain])
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
export function checkInTransitCertificateArgs(args: InTransitCertificateArgs): ArgumentProblem[] {
    const problems: ArgumentProblem[] = [];
    const bringsCertificate = args.certificateChainPem !== undefined || args.privateKeyPem !== undefined;
    if (bringsCertificate) {
        if (args.certificateChainPem === undefined || args.privateKeyPem === undefined) {
            problems.push({
                path: "certificateChainPem",
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
                    message: `${generatedOnly} applies to a generated certificate, not to one you bring`,
                });
            }
        }
    } else if (args.trustedCertificatesPem !== undefined) {
        problems.push({
            path: "trustedCertificatesPem",
            message: "trustedCertificatesPem applies to a certificate you bring; a generated one is its own trust anchor",
        });
    }
    checkOneOf(problems, "keyAlgorithm", args.keyAlgorithm, KEY_ALGORITHMS);
    if (args.rsaBits !== undefined && !(RSA_BITS as readonly number[]).includes(args.rsaBits)) {
        problems.push({
            path: "rsaBits",
            message: `rsaBits must be 2048, 3072 or 4096 (smaller RSA keys are refused); got ${JSON.stringify(args.rsaBits)}`,
        });
    }
    if (args.rsaBits !== undefined && args.keyAlgorithm === "ECDSA") {
        problems.push({ path: "rsaBits", message: 'rsaBits applies to keyAlgorithm "RSA"' });
    }
    if (args.ecdsaCurve !== undefined && args.keyAlgorithm !== "ECDSA") {
        problems.push({ path: "ecdsaCurve", message: 'ecdsaCurve applies to keyAlgorithm "ECDSA"' });
    }
    checkOneOf(problems, "ecdsaCurve", args.ecdsaCurve, ECDSA_CURVES);
    checkInteger(problems, "validityHours", args.validityHours, 24, MAX_VALIDITY_HOURS);
    const validity = args.validityHours ?? 8760;
    checkInteger(problems, "earlyRenewalHours", args.earlyRenewalHours, 0, validity - 1);
    if (typeof args.region === "string" && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(args.region)) {
        problems.push({ path: "region", message: `region must be an AWS Region such as us-east-1; got ${JSON.stringify(args.region)}` });
    }
    (args.extraDnsNames ?? []).forEach((dnsName, i) => {
        if (!isDeferred(dnsName)) {
            checkFormat(problems, `extraDnsNames[${i}]`, typeof dnsName === "string" ? dnsName.replace(/^\*\./, "") : dnsName, "dnsName");
        }
    });
    checkFormat(problems, "kmsKeyArn", args.kmsKeyArn, "kmsKey");
    if (args.kmsKeyArn !== undefined && args.bucketName !== undefined) {
        problems.push({
            path: "kmsKeyArn",
            message: "kmsKeyArn sets the encryption of a created bucket; with bucketName, configure your bucket's encryption yourself",
        });
    }
    checkFormat(problems, "bucketName", args.bucketName, "bucketName");
    return problems;
}
