/**
 * Which EMR releases support which parts of a security configuration (policies/reference/emr.md §1.1, §1.4).
 */

export interface Release {
    major: number;
    minor: number;
    patch: number;
}

/** Parses `emr-6.15.0`; `undefined` for anything else. */
export function parseReleaseLabel(label: string): Release | undefined {
    const match = /^emr-(\d+)\.(\d+)\.(\d+)$/.exec(label);
    return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined;
}

export function compareReleases(a: Release, b: Release): number {
    return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function atLeast(version: string): (release: Release) => boolean {
    const minimum = parseReleaseLabel(`emr-${version}`)!;
    return (release) => compareReleases(release, minimum) >= 0;
}

/**
 * EMR's own components use IMDSv2 only from these releases; requiring IMDSv2 on any other breaks
 * cluster start-up. "5.23.1" and "5.27.1" are read as patch releases of their minor lines.
 */
function supportsImdsV2(r: Release): boolean {
    if (r.major >= 7 || (r.major === 6 && r.minor >= 2)) {
        return true;
    }
    return r.major === 5 && (r.minor >= 32 || (r.minor === 23 && r.patch >= 1) || (r.minor === 27 && r.patch >= 1));
}

export interface ReleaseGate {
    /** Keys from the document root to the gated value. */
    keys: readonly string[];
    /** When set, the gate applies only when the value at `keys` passes this test. */
    when?: (value: unknown) => boolean;
    /** What the gated value is, for the message. */
    feature: string;
    supported: (release: Release) => boolean;
    /** The releases that support it, for the message. */
    releases: string;
}

const from = (version: string) => ({ supported: atLeast(version), releases: `${version} and later` });

/**
 * Release gates. The EMR-managed certificate provider and EMR WAL encryption have no documented
 * first release, so they are not gated rather than gated on a guess.
 */
export const RELEASE_GATES: readonly ReleaseGate[] = [
    { keys: [], feature: "Security configurations", ...from("4.8.0") },
    { keys: ["AuthenticationConfiguration", "KerberosConfiguration"], feature: "Kerberos authentication", ...from("5.10.0") },
    {
        keys: ["AuthenticationConfiguration", "KerberosConfiguration", "Provider"],
        when: (v) => v === "ExternalKdc",
        feature: 'Provider "ExternalKdc"',
        ...from("5.20.0"),
    },
    {
        keys: ["EncryptionConfiguration", "AtRestEncryptionConfiguration", "LocalDiskEncryptionConfiguration", "EnableEbsEncryption"],
        when: (v) => v === true,
        feature: "EBS encryption",
        ...from("5.24.0"),
    },
    {
        keys: ["InstanceMetadataServiceConfiguration", "MinimumInstanceMetadataServiceVersion"],
        when: (v) => v === 2,
        feature: "Requiring IMDSv2",
        supported: supportsImdsV2,
        releases: "5.23.1, 5.27.1, 5.32.0 and later 5.x, and 6.2.0 and later",
    },
    { keys: ["AuthenticationConfiguration", "IdentityCenterConfiguration"], feature: "IAM Identity Center integration", ...from("6.15.0") },
    {
        keys: ["AuthenticationConfiguration", "IdentityCenterConfiguration", "EnableUserBackgroundSession"],
        feature: "User background sessions (EnableUserBackgroundSession)",
        ...from("7.11.0"),
    },
    { keys: ["AuthorizationConfiguration", "EmrFsConfiguration"], feature: "EMRFS role mappings", ...from("5.10.0") },
    { keys: ["AuthorizationConfiguration", "IAMConfiguration"], feature: "Runtime roles (IAMConfiguration)", ...from("6.7.0") },
    {
        keys: ["AuthorizationConfiguration", "LakeFormationConfiguration"],
        feature: "Lake Formation fine-grained access",
        ...from("6.15.0"),
    },
    { keys: ["AuthorizationConfiguration", "RangerConfiguration"], feature: "Apache Ranger integration", ...from("5.32.0") },
    {
        keys: ["LakeFormationConfiguration"],
        feature: "The SAML-based Lake Formation integration",
        // Documented for 5.31.0+ and as unavailable on 6.x; later availability is unverified, so refused.
        supported: (r) => r.major === 5 && r.minor >= 31,
        releases: "5.31.0 and later 5.x releases",
    },
];
