import * as s3 from "@pulumi/aws/s3";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransportPolicy } from "./bucketPolicies";

export interface HardenedBucket {
    bucket: s3.Bucket;
    /** The resources that harden it: objects should be written only after these exist. */
    hardening: pulumi.Resource[];
}

/**
 * A private bucket: all four public-access blocks, owner-enforced object ownership (no ACLs),
 * default encryption (SSE-KMS with a bucket key when a key is given, else SSE-S3), versioning,
 * and a policy that refuses requests without TLS 1.2+. Kept in AWS when Pulumi deletes it, so a
 * destroy never loses the objects (versioning keeps old certificates too), and kept together with
 * everything that protects it: a retained bucket holding a private-key zip must not lose its
 * public-access block, encryption, TLS-only policy or versioning on the way.
 */
export function createHardenedBucket(name: string, parent: pulumi.Resource, kmsKeyArn?: pulumi.Input<string>): HardenedBucket {
    const opts = { parent, retainOnDelete: true };
    const bucket = new s3.Bucket(name, {}, opts);
    const publicAccessBlock = new s3.BucketPublicAccessBlock(
        `${name}-public-access-block`,
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        opts,
    );
    const ownership = new s3.BucketOwnershipControls(
        `${name}-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
        opts,
    );
    const encryption = new s3.BucketServerSideEncryptionConfiguration(
        `${name}-encryption`,
        {
            bucket: bucket.id,
            rules: [
                kmsKeyArn === undefined
                    ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                    : {
                          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn },
                          bucketKeyEnabled: true,
                      },
            ],
        },
        opts,
    );
    const versioning = new s3.BucketVersioning(
        `${name}-versioning`,
        { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
        opts,
    );
    const policy = new s3.BucketPolicy(
        `${name}-policy`,
        { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(denyInsecureTransportPolicy(arn))) },
        // Public-access blocks first: a policy put before them could briefly be evaluated without them.
        { ...opts, dependsOn: [publicAccessBlock] },
    );
    return { bucket, hardening: [publicAccessBlock, ownership, encryption, versioning, policy] };
}
