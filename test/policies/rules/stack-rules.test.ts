import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrCertificateBucket } from "../../../policies/rules/emr-certificate-bucket";
import { emrClusterKerberosAttributes } from "../../../policies/rules/emr-cluster-kerberos-attributes";
import { emrKmsKeyPolicy } from "../../../policies/rules/emr-kms-key-policy";
import { ACCOUNT, findings, hardened, KEY_DISK, KEY_S3, keyWithPolicy, mutated, resource, UNKNOWN } from "../helpers";

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const r = resource;
const sc = (document: unknown, name = "emr-sc") =>
    r("aws:emr/securityConfiguration:SecurityConfiguration", name, { name, configuration: JSON.stringify(document) });
const cluster = (props: Record<string, unknown>) =>
    r("aws:emr/cluster:Cluster", "analytics", {
        securityConfiguration: "emr-sc",
        serviceRole: "EMR_DefaultRole_V2",
        ec2Attributes: { instanceProfile: "emr-ec2-profile" },
        ...props,
    });
const ATTRIBUTES = { realm: "EC2.INTERNAL", kdcAdminPassword: "kdc-Secret-1" };
const SECRETS = ["kdc-Secret-1", "trust-Secret-2", "join-Secret-3"];

async function messages(rule: Parameters<typeof findings>[0], resources: PolicyResource[], options = {}) {
    const found = await findings(rule, resources, options);
    for (const f of found) {
        for (const secret of SECRETS) {
            assert.ok(!f.message.includes(secret), "a finding echoed a password");
        }
    }
    return found.map((f) => [f.resource?.split("::").pop(), f.message]);
}

describe("emr-cluster-kerberos-attributes", () => {
    const trust = mutated((d) => {
        d.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration = {
            Realm: "AD.ACME.EXAMPLE",
            Domain: "ad.acme.example",
            AdminServer: "dc1.ad.acme.example",
            KdcServer: "dc1.ad.acme.example",
        };
    });
    const noKerberos = mutated((d) => delete d.AuthenticationConfiguration);
    const cases: [string, unknown, Record<string, unknown> | undefined, string[]][] = [
        ["Compliance: Kerberos configuration and attributes agree", hardened(), ATTRIBUTES, []],
        ["Compliance: neither has Kerberos", noKerberos, undefined, []],
        ["Compliance: a trust with its password", trust, { ...ATTRIBUTES, crossRealmTrustPrincipalPassword: "trust-Secret-2" }, []],
        [
            "Noncompliance: Kerberos configuration without attributes",
            hardened(),
            undefined,
            [
                "The security configuration emr-sc uses Kerberos, but the cluster has no kerberosAttributes: EMR refuses the cluster. Add them with realm and kdcAdminPassword.",
            ],
        ],
        [
            "Noncompliance: attributes without a Kerberos configuration",
            noKerberos,
            ATTRIBUTES,
            [
                "The cluster sends kerberosAttributes, but its security configuration emr-sc has no Kerberos: EMR refuses the cluster. Remove them or use a Kerberos configuration.",
            ],
        ],
        [
            "Noncompliance: no realm",
            hardened(),
            { kdcAdminPassword: "kdc-Secret-1" },
            ["The cluster's kerberosAttributes have no realm. Set it (by convention the domain in upper case, e.g. EC2.INTERNAL)."],
        ],
        [
            "Noncompliance: a trust without its password",
            trust,
            ATTRIBUTES,
            [
                "The security configuration emr-sc has a cross-realm trust, but the cluster's kerberosAttributes have no crossRealmTrustPrincipalPassword. Set it to the trust's password, from a secret.",
            ],
        ],
        [
            "Noncompliance: a trust password without a trust",
            hardened(),
            { ...ATTRIBUTES, crossRealmTrustPrincipalPassword: "trust-Secret-2" },
            [
                "The cluster sends a crossRealmTrustPrincipalPassword, but its security configuration emr-sc has no cross-realm trust: EMR refuses it. Remove it.",
            ],
        ],
    ];
    for (const [what, document, attributes, expected] of cases) {
        it(what, async () => {
            const resources = [sc(document), cluster({ kerberosAttributes: attributes })];
            assert.deepStrictEqual(
                await messages(emrClusterKerberosAttributes, resources),
                expected.map((m) => ["analytics", m]),
            );
        });
    }
    it("accepts a cluster whose configuration is managed outside the stack", async () => {
        assert.deepStrictEqual(
            await messages(emrClusterKerberosAttributes, [cluster({ securityConfiguration: "elsewhere", kerberosAttributes: ATTRIBUTES })]),
            [],
        );
    });
    it("defers when the configuration's name is unknown at preview", async () => {
        const found = await findings(emrClusterKerberosAttributes, [sc(hardened(), UNKNOWN), cluster({ securityConfiguration: UNKNOWN })], {
            preview: true,
        });
        assert.deepStrictEqual(
            found.map((f) => f.level),
            ["advisory"],
        );
        assert.match(found[0].message, /the check runs again when the stack is analyzed with the values known$/);
    });
});

describe("emr-kms-key-policy", () => {
    const key = keyWithPolicy;
    const iam = [
        r("aws:iam/role:Role", "ec2", { name: "EMR_EC2_DefaultRole", arn: role("EMR_EC2_DefaultRole") }),
        r("aws:iam/instanceProfile:InstanceProfile", "profile", { name: "emr-ec2-profile", role: "EMR_EC2_DefaultRole" }),
    ];
    const stack = (s3Users: string[], diskUsers: string[], ebs: string[]) => [
        sc(hardened()),
        cluster({ kerberosAttributes: ATTRIBUTES }),
        ...iam,
        key("s3", KEY_S3, s3Users),
        key("disk", KEY_DISK, diskUsers, ebs),
    ];
    it("Compliance: the instance-profile role uses both keys, the service role the disk key for EBS", async () => {
        assert.deepStrictEqual(
            await messages(
                emrKmsKeyPolicy,
                stack([role("EMR_EC2_DefaultRole")], [role("EMR_EC2_DefaultRole")], [role("EMR_DefaultRole_V2")]),
            ),
            [],
        );
    });
    it("Noncompliance: the service role missing from the disk key with EBS encryption", async () => {
        assert.deepStrictEqual(await messages(emrKmsKeyPolicy, stack([role("EMR_EC2_DefaultRole")], [role("EMR_EC2_DefaultRole")], [])), [
            [
                "disk",
                `The key for local disks does not let the EMR service role (EBS encryption) ${role("EMR_DefaultRole_V2")} use it (kms:CreateGrant, kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext): cluster nodes cannot attach encrypted EBS volumes. Add the role to the key policy.`,
            ],
        ]);
    });
    it("Noncompliance: the instance-profile role missing from the S3 key", async () => {
        const found = await messages(
            emrKmsKeyPolicy,
            stack([role("someone-else")], [role("EMR_EC2_DefaultRole")], [role("EMR_DefaultRole_V2")]),
        );
        assert.deepStrictEqual(found, [
            [
                "s3",
                `The key for S3 data does not let the EMR instance-profile role ${role("EMR_EC2_DefaultRole")} use it (kms:Decrypt, kms:GenerateDataKey): cluster nodes cannot read or write encrypted data. Add the role to the key policy.`,
            ],
        ]);
    });
    it("uses a separate KeyPolicy resource over the key's own", async () => {
        const resources = stack([], [role("EMR_EC2_DefaultRole")], [role("EMR_DefaultRole_V2")]);
        resources.push(
            r("aws:kms/keyPolicy:KeyPolicy", "s3-policy", {
                keyId: KEY_S3.split("/")[1],
                policy: JSON.stringify({
                    Statement: [{ Effect: "Allow", Principal: { AWS: [role("EMR_EC2_DefaultRole")] }, Action: "kms:*", Resource: "*" }],
                }),
            }),
        );
        assert.deepStrictEqual(await messages(emrKmsKeyPolicy, resources), []);
    });
    it("takes roles from its config when no cluster shows them", async () => {
        const resources = [sc(hardened()), key("s3", KEY_S3, []), key("disk", KEY_DISK, [])];
        assert.deepStrictEqual(await messages(emrKmsKeyPolicy, resources), []);
        const found = await messages(emrKmsKeyPolicy, resources, {
            config: { "emr-kms-key-policy": { instanceProfileRoleArns: [role("analytics-ec2")] } },
        });
        assert.deepStrictEqual(
            found.map(([resource]) => resource),
            ["s3", "disk"],
        );
    });
    it("finds the stack's key behind an alias ARN, an alias name or a key id in the document", async () => {
        const aliases = [
            r("aws:kms/alias:Alias", "s3-alias", { name: "alias/emr-s3", targetKeyId: KEY_S3.split("/")[1] }),
            r("aws-native:kms:Alias", "disk-alias", { aliasName: "alias/emr-disk", targetKeyId: KEY_DISK }),
        ];
        const byAlias = mutated((d) => {
            d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/emr-s3`;
            d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey = "alias/emr-disk";
        });
        const resources = (s3Users: string[]) => [
            sc(byAlias),
            cluster({ kerberosAttributes: ATTRIBUTES }),
            ...iam,
            ...aliases,
            key("s3", KEY_S3, s3Users),
            key("disk", KEY_DISK, [role("EMR_EC2_DefaultRole")], [role("EMR_DefaultRole_V2")]),
        ];
        assert.deepStrictEqual(await messages(emrKmsKeyPolicy, resources([role("EMR_EC2_DefaultRole")])), []);
        assert.deepStrictEqual(
            (await messages(emrKmsKeyPolicy, resources([]))).map(([resource]) => resource),
            ["s3"],
        );
        const byKeyId = mutated(
            (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = KEY_S3.split("/")[1]),
        );
        const found = await messages(emrKmsKeyPolicy, [sc(byKeyId), cluster({}), ...iam, key("s3", KEY_S3, []), key("disk", KEY_DISK, [])]);
        assert.deepStrictEqual(
            found.map(([resource]) => resource),
            ["s3", "disk", "disk"],
        );
    });
    it("cannot resolve an alias that is not in the stack, and leaves it to emr-kms-key-reference to say so", async () => {
        const outside = mutated(
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = "alias/managed-elsewhere"),
        );
        const found = await messages(emrKmsKeyPolicy, [
            sc(outside),
            cluster({}),
            ...iam,
            key("disk", KEY_DISK, [role("EMR_EC2_DefaultRole")], [role("EMR_DefaultRole_V2")]),
        ]);
        assert.deepStrictEqual(found, []);
    });
    it("ignores keys managed outside the stack", async () => {
        assert.deepStrictEqual(await messages(emrKmsKeyPolicy, [sc(hardened()), cluster({}), ...iam]), []);
    });
});

describe("emr-certificate-bucket", () => {
    const bucket = "emr-certs";
    const hardening = [
        r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }),
        r("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "enc", {
            bucket,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_S3 } }],
        }),
        r("aws:s3/bucketPolicy:BucketPolicy", "tls", {
            bucket,
            policy: JSON.stringify({
                Statement: [
                    {
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: "*",
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            }),
        }),
    ];
    const stack = (without?: string) => [
        sc(hardened()),
        r("aws:s3/bucket:Bucket", "certs", { bucket }),
        ...hardening.filter((h) => h.name !== without),
    ];
    it("Compliance: a bucket blocked, encrypted and TLS-only", async () =>
        assert.deepStrictEqual(await messages(emrCertificateBucket, stack()), []));
    for (const [without, missing] of [
        ["pab", "block all public access (a BucketPublicAccessBlock with the four settings true)"],
        ["enc", "encrypt by default (a BucketServerSideEncryptionConfiguration)"],
        [
            "tls",
            'deny requests without TLS (a bucket policy statement: Deny, Principal "*", Action "s3:*", the bucket and its objects as Resource, Bool aws:SecureTransport false)',
        ],
    ]) {
        it(`Noncompliance: the bucket does not ${missing.split(" (")[0]}`, async () => {
            assert.deepStrictEqual(await messages(emrCertificateBucket, stack(without)), [
                [
                    "certs",
                    `The bucket ${bucket} holds the EMR certificate zip, private key included, but does not ${missing}. Add what is missing.`,
                ],
            ]);
        });
    }
    it("Noncompliance: a Deny on aws:SecureTransport that leaves the zip reachable in clear", async () => {
        const deny = (statement: Record<string, unknown>) =>
            r("aws:s3/bucketPolicy:BucketPolicy", "tls", {
                bucket,
                policy: JSON.stringify({
                    Statement: [
                        {
                            Effect: "Deny",
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                            ...statement,
                        },
                    ],
                }),
            });
        const withPolicy = (statement: Record<string, unknown>) => [...stack("tls"), deny(statement)];
        assert.deepStrictEqual(await messages(emrCertificateBucket, withPolicy({})), [], "the statement the components write");
        for (const [what, statement] of [
            ["one role", { Principal: { AWS: "arn:aws:iam::111122223333:role/one" } }],
            ["one action", { Action: "s3:PutBucketTagging" }],
            ["another bucket", { Resource: "arn:aws:s3:::other-bucket/*" }],
            ["only the bucket, not its objects", { Resource: `arn:aws:s3:::${bucket}` }],
            ["an Allow", { Effect: "Allow" }],
        ] as const) {
            assert.strictEqual((await messages(emrCertificateBucket, withPolicy(statement))).length, 1, what);
        }
    });
    it("Noncompliance: a public-access block with one setting off", async () => {
        const resources = stack();
        resources[2] = r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: false,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.strictEqual((await messages(emrCertificateBucket, resources)).length, 1);
    });
    it("accepts a bucket managed outside the stack", async () => {
        assert.deepStrictEqual(await messages(emrCertificateBucket, [sc(hardened())]), []);
    });
});
