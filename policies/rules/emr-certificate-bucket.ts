import { PolicyResource } from "@pulumi/policy";
import { IN_TRANSIT } from "../compliance";
import { isObject, JsonObject } from "../model";
import { S3_BUCKET_POLICY, S3_BUCKETS, S3_PUBLIC_ACCESS_BLOCK, SECURITY_CONFIGURATION_TYPES } from "../resources";
import { bucketEncryptionRules, certificateZipOf } from "../analyses/keyUses";
import { stackRule } from "../analyses/kit";
import { asList, globMatches, parsePolicy, statementsOf } from "../analyses/policyDocuments";
import { documentOf, StackView } from "../analyses/stackView";

const BLOCKS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

function blocksPublicAccess(stack: StackView, bucket: string): boolean {
    return stack.onBucket([S3_PUBLIC_ACCESS_BLOCK], bucket).some((b) => BLOCKS.every((flag) => b.props[flag] === true));
}

function encryptsByDefault(stack: StackView, bucket: PolicyResource, name: string): boolean {
    return bucketEncryptionRules(stack, bucket, name).some((rule: unknown) => {
        const byDefault = isObject(rule) ? rule.applyServerSideEncryptionByDefault : undefined;
        return isObject(byDefault) && ["aws:kms", "aws:kms:dsse", "AES256"].includes(String(byDefault.sseAlgorithm));
    });
}

/**
 * Whether a statement denies everyone every S3 request without TLS to the zip: principal `*`,
 * actions that cover all of S3, a resource that covers the zip's object, and the SecureTransport
 * condition. A Deny for one role, one action or another bucket leaves the zip reachable in clear.
 */
function deniesClearRequestsTo(statement: JsonObject, objectArn: string): boolean {
    const bool = isObject(statement.Condition) ? statement.Condition.Bool : undefined;
    const secure = isObject(bool) ? bool["aws:SecureTransport"] : undefined;
    const principal = statement.Principal;
    const everyone = principal === "*" || (isObject(principal) && asList(principal.AWS).includes("*"));
    return (
        statement.Effect === "Deny" &&
        (secure === "false" || secure === false) &&
        everyone &&
        asList(statement.Action).some((a) => typeof a === "string" && /^(?:\*|s3:\*)$/i.test(a)) &&
        asList(statement.Resource).some((r) => typeof r === "string" && globMatches(r, objectArn))
    );
}

function deniesInsecureTransport(stack: StackView, bucket: PolicyResource, name: string, key: string): boolean {
    const arn = typeof bucket.props.arn === "string" ? bucket.props.arn : `arn:aws:s3:::${name}`;
    const objectArn = `${arn}/${key}`;
    const policies = [bucket.props.policy, ...stack.onBucket([S3_BUCKET_POLICY], name).map((p) => p.props.policy)];
    return policies.some((raw) => {
        const policy = raw === undefined ? undefined : parsePolicy(raw);
        return !!policy && statementsOf(policy).some((s) => deniesClearRequestsTo(s, objectArn));
    });
}

export const emrCertificateBucket = stackRule(
    {
        name: "emr-certificate-bucket",
        description:
            "The bucket holding a PEM certificate zip (with its private key) must block public access, encrypt by default and deny requests without TLS.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: IN_TRANSIT,
        remediationSteps:
            "Give the bucket a BucketPublicAccessBlock with all four settings true, a BucketServerSideEncryptionConfiguration (SSE-KMS), and a bucket policy denying requests with aws:SecureTransport false. The emr-security InTransitCertificate component creates such a bucket.",
    },
    {},
    (args) => {
        const findings: { resource: string; message: string }[] = [];
        const stack = StackView.of(args.resources);
        let checked = 0;
        for (const configuration of stack.ofTypes(SECURITY_CONFIGURATION_TYPES)) {
            const document = documentOf(configuration);
            const location = document && certificateZipOf(document);
            const bucket = location && stack.onBucket(S3_BUCKETS, location.bucket)[0];
            if (!location || !bucket) {
                continue;
            }
            checked++;
            const missing = [
                blocksPublicAccess(stack, location.bucket)
                    ? undefined
                    : "block all public access (a BucketPublicAccessBlock with the four settings true)",
                encryptsByDefault(stack, bucket, location.bucket)
                    ? undefined
                    : "encrypt by default (a BucketServerSideEncryptionConfiguration)",
                deniesInsecureTransport(stack, bucket, location.bucket, location.key)
                    ? undefined
                    : 'deny requests without TLS (a bucket policy statement: Deny, Principal "*", Action "s3:*", the bucket and its objects as Resource, Bool aws:SecureTransport false)',
            ].filter((m): m is string => !!m);
            if (missing.length > 0) {
                findings.push({
                    resource: bucket.urn,
                    message: `The bucket ${location.bucket} holds the EMR certificate zip, private key included, but does not ${missing.join(", nor ")}. Add what is missing.`,
                });
            }
        }
        return checked === 0
            ? { notApplicable: "no PEM certificate zip of a security configuration sits in a bucket of this stack" }
            : findings;
    },
);
