import { AUDIT_LOGGING } from "../compliance";
import { compareReleases, FORMATS, parseReleaseLabel, quote, shown } from "../model";
import { CLUSTER_TYPES } from "../resources";
import { stackRule } from "../analyses/kit";
import { KEY_USER_ACTIONS, policyOfKey } from "../analyses/keyUses";
import { allows } from "../analyses/policyDocuments";
import { StackView } from "../analyses/stackView";

/**
 * EMR's LogUri is "the location in Amazon S3" for the cluster's logs (RunJobFlow): s3:// and the
 * Hadoop schemes s3n:// and s3a:// with a bucket. hdfs://, https:// or a local path keep nothing
 * once the cluster ends.
 */
const S3_LOCATION = /^s3[an]?:\/\/[^/\s]+/i;

/** EMR encrypts log files with a KMS key from 5.30.0, except in 6.0.0; an unreadable label is held to it. */
function canEncryptLogs(label: unknown): boolean {
    const release = typeof label === "string" ? parseReleaseLabel(label) : undefined;
    if (!release) {
        return true;
    }
    const is600 = release.major === 6 && release.minor === 0 && release.patch === 0;
    return !is600 && compareReleases(release, { major: 5, minor: 30, patch: 0 }) >= 0;
}

export const emrClusterLogging = stackRule(
    {
        name: "emr-cluster-logging",
        description:
            "EMR clusters write their logs to S3 (logUri), encrypted with a KMS key on releases that can (5.30.0 and later, except 6.0.0) that the instance-profile role may use.",
        enforcementLevel: "mandatory",
        severity: "medium",
        compliance: { ...AUDIT_LOGGING, tags: [...AUDIT_LOGGING.tags, "logging"] },
        remediationSteps:
            "Set logUri to an S3 location and logEncryptionKmsKeyId to a KMS key ARN whose policy lets the cluster's instance-profile role use it (kms:Decrypt, kms:GenerateDataKey*). The logEncryptionKmsKeyArn output of the emr-security SecureEmrBaseline is such a key.",
    },
    {},
    (args) => {
        const stack = StackView.of(args.resources);
        const clusters = stack.ofTypes(CLUSTER_TYPES);
        if (clusters.length === 0) {
            return { notApplicable: "no EMR cluster in this stack" };
        }
        const findings: { resource: string; message: string }[] = [];
        const report = (resource: string, message: string) => findings.push({ resource, message });
        const judged = new Set<string>();
        for (const cluster of clusters) {
            const { logUri, logEncryptionKmsKeyId: keyId, releaseLabel } = cluster.props;
            if (typeof logUri !== "string" || !S3_LOCATION.test(logUri.trim())) {
                const state =
                    logUri === undefined || logUri === null
                        ? "sets no logUri"
                        : `has logUri ${shown(logUri)}, which names no S3 location (EMR archives cluster logs only to S3)`;
                report(
                    cluster.urn,
                    `The cluster ${state}, so its step, node and application logs leave with the nodes: nothing is kept for audit or incident response. Set logUri to an S3 location such as s3://bucket/logs/.`,
                );
            }
            if (!canEncryptLogs(releaseLabel)) {
                continue;
            }
            if (keyId === undefined || keyId === null || keyId === "") {
                report(
                    cluster.urn,
                    "The cluster sets no logEncryptionKmsKeyId, so its logs in S3 are encrypted only with S3-managed keys, outside your key policy and CloudTrail record of key use. Set logEncryptionKmsKeyId to a KMS key ARN.",
                );
                continue;
            }
            const problem = typeof keyId === "string" ? FORMATS.kmsKey(keyId) : { message: "must be a string naming a KMS key" };
            if (problem) {
                report(cluster.urn, `logEncryptionKmsKeyId ${shown(keyId)} ${problem.message}.`);
                continue;
            }
            const key = stack.kmsKey(keyId as string);
            const role = key && stack.instanceProfileRoleArn(cluster);
            // Clusters that share a key and a role share its verdict: judged and reported once.
            if (key && role && !judged.has(`${key.urn}\n${role}`)) {
                judged.add(`${key.urn}\n${role}`);
                const policy = policyOfKey(stack, key);
                if (!policy || !allows(policy, role, KEY_USER_ACTIONS)) {
                    report(
                        key.urn,
                        `The key that encrypts the cluster's logs does not let its instance-profile role ${quote(role)} use it (${KEY_USER_ACTIONS.join(", ")}), so the nodes cannot write encrypted logs. Add the role to the key policy.`,
                    );
                }
            }
        }
        return findings;
    },
);
