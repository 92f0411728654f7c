import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { kmsKeyEnabled } from "../../../policies/rules/kms-key-enabled";
import { kmsKeyEnabledReview } from "../../../policies/rules/kms-key-enabled-review";
import { findings, hardened, KEY_DISK, KEY_S3, resource, UNKNOWN } from "../helpers";

const KEY_OTHER = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-3333-4a5b-8c9d-0e1f2a3b4c03";
const r = resource;
const key = (name: string, arn: string, props: Record<string, unknown> = {}) =>
    r("aws:kms/key:Key", name, { arn, keyId: arn.split("/")[1], ...props });
const sc = r("aws:emr/securityConfiguration:SecurityConfiguration", "emr-sc", {
    name: "emr-sc",
    configuration: JSON.stringify(hardened()),
});
const certificateBucket = (kmsMasterKeyId: string) => [
    r("aws:s3/bucketV2:BucketV2", "certs", { bucket: "emr-certs" }),
    r("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "certs", {
        bucket: "emr-certs",
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId } }],
    }),
];
const cluster = (logEncryptionKmsKeyId: unknown) => r("aws:emr/cluster:Cluster", "analytics", { logEncryptionKmsKeyId });

async function said(rule: Parameters<typeof findings>[0], resources: PolicyResource[], preview = false): Promise<string[]> {
    return (await findings(rule, resources, { preview })).map((f) => `${f.level} ${f.resource?.split("::").pop()}: ${f.message}`);
}
const used = (name: string, uses: string) =>
    `mandatory ${name}: The key "${name}" is disabled, yet it encrypts ${uses}: KMS refuses every request with it, so the cluster cannot start or read its data. Enable the key.`;
const unused = (name: string) =>
    `advisory ${name}: The key "${name}" is disabled. Nothing of EMR in this stack uses it, but data encrypted with it elsewhere cannot be read until it is enabled. Check its users.`;

describe("kms-key-enabled and kms-key-enabled-review", () => {
    const cases: [string, PolicyResource[], string[], string[]][] = [
        ["Compliance: enabled keys (isEnabled unset or true)", [sc, key("s3", KEY_S3), key("disk", KEY_DISK, { isEnabled: true })], [], []],
        [
            "Noncompliance: a disabled key of a security configuration",
            [sc, key("s3", KEY_S3, { isEnabled: false }), key("disk", KEY_DISK)],
            [used("s3", 'S3 data of the security configuration "emr-sc"')],
            [],
        ],
        [
            "Noncompliance: a disabled multi-Region replica (aws.kms.ReplicaKey, enabled: false) of a security configuration",
            [
                sc,
                r("aws:kms/replicaKey:ReplicaKey", "s3", { arn: KEY_S3, keyId: KEY_S3.split("/")[1], enabled: false }),
                key("disk", KEY_DISK),
            ],
            [used("s3", 'S3 data of the security configuration "emr-sc"')],
            [],
        ],
        [
            "Noncompliance: an aws-native key, disabled, named through an aws-native alias",
            [
                r("aws:emr/securityConfiguration:SecurityConfiguration", "emr-sc", {
                    name: "emr-sc",
                    configuration: JSON.stringify({
                        ...hardened(),
                        EncryptionConfiguration: {
                            ...hardened().EncryptionConfiguration,
                            AtRestEncryptionConfiguration: {
                                LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "alias/emr-disk" },
                            },
                        },
                    }),
                }),
                r("aws-native:kms:Key", "disk", { arn: KEY_DISK, keyId: KEY_DISK.split("/")[1], enabled: false }),
                r("aws-native:kms:Alias", "disk", { aliasName: "alias/emr-disk", targetKeyId: KEY_DISK }),
            ],
            [used("disk", 'local disks of the security configuration "emr-sc"')],
            [],
        ],
        [
            "Noncompliance: the disabled key of a cluster's logs",
            [cluster(KEY_OTHER), key("logs", KEY_OTHER, { isEnabled: false })],
            [used("logs", 'the logs of cluster "analytics"')],
            [],
        ],
        [
            "Noncompliance: the disabled default key of the bucket holding the certificate",
            [sc, ...certificateBucket(KEY_OTHER), key("certs", KEY_OTHER, { isEnabled: false })],
            [used("certs", 'the bucket "emr-certs" holding the certificate of the security configuration "emr-sc"')],
            [],
        ],
        [
            "Noncompliance: a disabled external key that a cluster's logs use",
            [cluster(KEY_OTHER), r("aws:kms/externalKey:ExternalKey", "imported", { arn: KEY_OTHER, enabled: false })],
            [used("imported", 'the logs of cluster "analytics"')],
            [],
        ],
        [
            "Advisory: a disabled key that nothing of EMR here uses",
            [sc, key("spare", KEY_OTHER, { isEnabled: false })],
            [],
            [unused("spare")],
        ],
        ["Not applicable: no key in the stack", [sc, cluster(KEY_OTHER)], [], []],
    ];
    for (const [what, resources, mandatory, advisory] of cases) {
        it(what, async () => {
            assert.deepStrictEqual(await said(kmsKeyEnabled, resources), mandatory);
            assert.deepStrictEqual(await said(kmsKeyEnabledReview, resources), advisory);
        });
    }

    it('the string "FALSE" counts as disabled, and the string "true" as enabled', async () => {
        assert.deepStrictEqual(await said(kmsKeyEnabled, [cluster(KEY_OTHER), key("logs", KEY_OTHER, { isEnabled: "FALSE" })]), [
            used("logs", 'the logs of cluster "analytics"'),
        ]);
        assert.deepStrictEqual(await said(kmsKeyEnabled, [cluster(KEY_OTHER), key("logs", KEY_OTHER, { isEnabled: "true" })]), []);
    });

    it("defers at preview while whether a used key is enabled is unknown", async () => {
        const found = await said(kmsKeyEnabled, [cluster(KEY_OTHER), key("logs", KEY_OTHER, { isEnabled: UNKNOWN })], true);
        assert.strictEqual(found.length, 1);
        assert.match(found[0], /^advisory .*can't be known during preview/);
    });

    it("the use rule is mandatory, the review advisory", () => {
        assert.strictEqual(kmsKeyEnabled.enforcementLevel, "mandatory");
        assert.strictEqual(kmsKeyEnabledReview.enforcementLevel, "advisory");
    });
});
