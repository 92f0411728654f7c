/**
 * The baseline's secure defaults and what an override gives up, as pure functions: the README's
 * "Default settings" table and the warnings come from here.
 */
import { DEFAULT_TICKET_LIFETIME_HOURS } from "./kerberosSettings";

export const BASELINE_DEFAULTS = {
    s3EncryptionMode: "SSE-KMS",
    separateKeys: true,
    enableEbsEncryption: true,
    inTransitEncryption: true,
    requireImdsV2: true,
    imdsHopLimit: 1,
    protectKeys: true,
    keyDeletionWindowInDays: 30,
} as const;

/** S3 modes the baseline offers; CSE-Custom needs a provider jar and is left to SecurityConfiguration. */
export const BASELINE_S3_MODES = ["SSE-KMS", "CSE-KMS", "SSE-S3"] as const;

export interface BaselineOverrides {
    s3EncryptionMode?: string;
    separateKeys?: boolean;
    enableEbsEncryption?: boolean;
    inTransitEncryption?: boolean;
    requireImdsV2?: boolean;
    imdsHopLimit?: number;
    protectKeys?: boolean;
    keyDeletionWindowInDays?: number;
    ticketLifetimeInHours?: number;
}

/** One sentence per override that weakens a secure default, saying what was given up. */
export function weakenedDefaults(o: BaselineOverrides): string[] {
    const warnings: string[] = [];
    if (o.s3EncryptionMode === "SSE-S3") {
        warnings.push(
            "s3EncryptionMode is SSE-S3: S3 data is encrypted with S3-managed keys, not a customer-managed KMS key whose use you control and audit",
        );
    }
    if (o.separateKeys === false) {
        warnings.push(
            "separateKeys is false: one KMS key encrypts both S3 data and local disks, against AWS's recommendation of separate keys",
        );
    }
    if (o.enableEbsEncryption === false) {
        warnings.push(
            "enableEbsEncryption is false: EBS root and data volumes are not encrypted with the KMS key (data volumes get LUKS only, and EC2 reports them unencrypted)",
        );
    }
    if (o.inTransitEncryption === false) {
        warnings.push("inTransitEncryption is false: traffic between cluster nodes and applications is not encrypted with TLS");
    }
    if (o.requireImdsV2 === false) {
        warnings.push("requireImdsV2 is false: nodes accept IMDSv1, which is open to SSRF credential theft");
    }
    if (o.imdsHopLimit !== undefined && o.imdsHopLimit > BASELINE_DEFAULTS.imdsHopLimit) {
        warnings.push(`imdsHopLimit is ${o.imdsHopLimit}: containers on the nodes can reach the instance's credentials through IMDS`);
    }
    if (o.protectKeys === false) {
        warnings.push("protectKeys is false: Pulumi may delete the KMS keys, and with them every byte they encrypted");
    }
    if (o.keyDeletionWindowInDays !== undefined && o.keyDeletionWindowInDays < BASELINE_DEFAULTS.keyDeletionWindowInDays) {
        warnings.push(
            `keyDeletionWindowInDays is ${o.keyDeletionWindowInDays}: a key scheduled for deletion can be recovered for fewer than 30 days`,
        );
    }
    if (o.ticketLifetimeInHours !== undefined && o.ticketLifetimeInHours > DEFAULT_TICKET_LIFETIME_HOURS) {
        warnings.push(
            `kerberos.ticketLifetimeInHours is ${o.ticketLifetimeInHours}: a stolen Kerberos ticket stays valid longer than 24 hours`,
        );
    }
    return warnings;
}
