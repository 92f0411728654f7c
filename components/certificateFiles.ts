/**
 * What goes into the certificate zip EMR reads for in-transit encryption (policies/reference/emr.md §3),
 * and the names the certificate must cover, as pure functions.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/** The exact file names EMR looks for at the zip's root. */
export const ZIP_FILES = {
    privateKey: "privateKey.pem",
    certificateChain: "certificateChain.pem",
    trustedCertificates: "trustedCertificates.pem",
} as const;

/** The wildcard that covers every node's private DNS name in a Region. */
export function privateDnsWildcard(region: string): string {
    return region === "us-east-1" ? "*.ec2.internal" : `*.${region}.compute.internal`;
}

/** The certificate's DNS names: the Region's private wildcard first, then the extra names, once each. */
export function certificateDnsNames(region: string, extraDnsNames: readonly string[] = []): string[] {
    return [...new Set([privateDnsWildcard(region), ...extraDnsNames])];
}

export interface CertificateFiles {
    privateKeyPem: string;
    certificateChainPem: string;
    /** Optional: EMR accepts the zip without it. */
    trustedCertificatesPem?: string;
}

/** The zip's contents as an archive, with the exact file names at its root. */
export function certificateArchive(files: CertificateFiles): pulumi.asset.AssetArchive {
    const assets: Record<string, pulumi.asset.Asset> = {
        [ZIP_FILES.privateKey]: new pulumi.asset.StringAsset(files.privateKeyPem),
        [ZIP_FILES.certificateChain]: new pulumi.asset.StringAsset(files.certificateChainPem),
    };
    if (files.trustedCertificatesPem) {
        assets[ZIP_FILES.trustedCertificates] = new pulumi.asset.StringAsset(files.trustedCertificatesPem);
    }
    return new pulumi.asset.AssetArchive(assets);
}

/**
 * `<prefix><16 hex>.zip`, from the public certificate chain only (never the private key, which
 * would make the key secret): a new certificate is a new object, and so a new security
 * configuration, never an overwrite under a running cluster.
 */
export function certificateObjectKey(prefix: string, certificateChainPem: string): string {
    return `${prefix}${createHash("sha256").update(certificateChainPem).digest("hex").slice(0, 16)}.zip`;
}

/** `s3://bucket/key`, the form a security configuration's `S3Object` takes. */
export function s3Uri(bucket: string, key: string): string {
    return `s3://${bucket}/${key}`;
}
