import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrBlockPublicAccess } from "../../../policies/rules/emr-block-public-access";
import { emrClusterSecurityConfiguration } from "../../../policies/rules/emr-cluster-security-configuration";
import { emrImdsv2 } from "../../../policies/rules/emr-imdsv2";
import { emrKerberosAuthentication } from "../../../policies/rules/emr-kerberos-authentication";
import { emrTlsCertificate } from "../../../policies/rules/emr-tls-certificate";
import { kmsKeyDeletionWindow } from "../../../policies/rules/kms-key-deletion-window";
import { kmsKeyPolicyNoPublicPrincipal } from "../../../policies/rules/kms-key-policy-no-public-principal";
import { kmsKeyRotation } from "../../../policies/rules/kms-key-rotation";
import { findings, messages, mutated, securityConfigurations, UNKNOWN } from "../helpers";

const resource = (type: string, props: Record<string, unknown>, name = "r"): PolicyResource => ({ type, name, props });

describe("emr-kerberos-authentication", () => {
    const KRB = (d: Record<string, any>) => d.AuthenticationConfiguration.KerberosConfiguration;
    const cases: [string, (d: Record<string, any>) => void, string | undefined, Record<string, unknown>?][] = [
        ["Compliance: a cluster-dedicated KDC with 24-hour tickets", () => undefined, undefined],
        [
            "Compliance: no lifetime set (EMR's 24 hours)",
            (d) => delete KRB(d).ClusterDedicatedKdcConfiguration.TicketLifetimeInHours,
            undefined,
        ],
        [
            "Noncompliance: no Kerberos",
            (d) => delete d.AuthenticationConfiguration,
            "Kerberos is not configured: cluster users and services are not authenticated. Add AuthenticationConfiguration.KerberosConfiguration.",
        ],
        [
            "Noncompliance: tickets longer than allowed",
            (d) => (KRB(d).ClusterDedicatedKdcConfiguration.TicketLifetimeInHours = 72),
            "Kerberos tickets live 72 hours; at most 24 are allowed. Lower TicketLifetimeInHours.",
        ],
        [
            "Noncompliance: the default lifetime above a stricter maximum",
            (d) => delete KRB(d).ClusterDedicatedKdcConfiguration.TicketLifetimeInHours,
            "Kerberos tickets live 24 hours; at most 10 are allowed. Lower TicketLifetimeInHours.",
            { "emr-kerberos-authentication": { maxTicketLifetimeHours: 10 } },
        ],
        [
            "Noncompliance: a provider without its block",
            (d) => (KRB(d).Provider = "ExternalKdc"),
            "KerberosConfiguration uses ExternalKdc without its ExternalKdcConfiguration. Add it.",
        ],
        [
            "Noncompliance: a lifetime written as a string",
            (d) => (KRB(d).ClusterDedicatedKdcConfiguration.TicketLifetimeInHours = "24"),
            'Kerberos tickets live "24" hours; at most 24 are allowed. Lower TicketLifetimeInHours.',
        ],
        [
            "Noncompliance: a provider the config does not allow",
            () => undefined,
            'KerberosConfiguration has Provider "ClusterDedicatedKdc"; allowed: "ExternalKdc" (case-sensitive).',
            { "emr-kerberos-authentication": { allowedProviders: ["ExternalKdc"] } },
        ],
    ];
    for (const [what, mutate, message, config] of cases) {
        it(what, async () => {
            for (const sc of securityConfigurations(mutated(mutate))) {
                assert.deepStrictEqual(await messages(emrKerberosAuthentication, sc, { config }), message ? [message] : []);
            }
        });
    }
    it("is advisory by default", async () => {
        const [finding] = await findings(
            emrKerberosAuthentication,
            securityConfigurations(mutated((d) => delete d.AuthenticationConfiguration)).slice(0, 1),
        );
        assert.strictEqual(finding.level, "advisory");
    });
});

describe("emr-imdsv2", () => {
    const cases: [string, (d: Record<string, any>) => void, string[], Record<string, unknown>?][] = [
        ["Compliance: version 2, one hop", () => undefined, []],
        [
            "Noncompliance: no IMDS block",
            (d) => delete d.InstanceMetadataServiceConfiguration,
            [
                "There is no InstanceMetadataServiceConfiguration, so nodes accept IMDSv1. Add one with MinimumInstanceMetadataServiceVersion 2.",
            ],
        ],
        [
            "Noncompliance: version 1",
            (d) => (d.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion = 1),
            ["MinimumInstanceMetadataServiceVersion is 1; it must be the number 2 (IMDSv2 only)."],
        ],
        [
            'Noncompliance: version "2" as a string',
            (d) => (d.InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion = "2"),
            ['MinimumInstanceMetadataServiceVersion is "2"; it must be the number 2 (IMDSv2 only).'],
        ],
        [
            "Noncompliance: two hops",
            (d) => (d.InstanceMetadataServiceConfiguration.HttpPutResponseHopLimit = 2),
            ["HttpPutResponseHopLimit is 2; at most 1 is allowed."],
        ],
        [
            "Compliance: two hops when the config allows them",
            (d) => (d.InstanceMetadataServiceConfiguration.HttpPutResponseHopLimit = 2),
            [],
            { "emr-imdsv2": { maxHopLimit: 2 } },
        ],
    ];
    for (const [what, mutate, expected, config] of cases) {
        it(what, async () => {
            for (const sc of securityConfigurations(mutated(mutate))) {
                assert.deepStrictEqual(await messages(emrImdsv2, sc, { config }), expected);
            }
        });
    }
});

describe("emr-cluster-security-configuration", () => {
    const cluster = (props: Record<string, unknown>, type = "aws:emr/cluster:Cluster") => resource(type, props, "analytics");
    it("Compliance: a cluster naming a configuration, even one managed outside the stack", async () => {
        assert.deepStrictEqual(
            await messages(emrClusterSecurityConfiguration, cluster({ securityConfiguration: "managed-elsewhere" })),
            [],
        );
        assert.deepStrictEqual(
            await messages(emrClusterSecurityConfiguration, cluster({ securityConfiguration: "sc" }, "aws-native:emr:Cluster")),
            [],
        );
    });
    for (const [what, value] of [
        ["missing", undefined],
        ["empty", ""],
        ["blank", "  "],
    ] as const) {
        it(`Noncompliance: securityConfiguration ${what}`, async () => {
            assert.deepStrictEqual(await messages(emrClusterSecurityConfiguration, cluster({ securityConfiguration: value })), [
                "The cluster names no security configuration, so it runs without EMR's encryption and authentication settings. Set securityConfiguration.",
            ]);
        });
    }
    it("defers a name unknown at preview", async () => {
        const [finding] = await findings(emrClusterSecurityConfiguration, [cluster({ securityConfiguration: UNKNOWN })], { preview: true });
        assert.strictEqual(finding.level, "advisory");
    });
});

describe("emr-block-public-access", () => {
    const bpa = (props: Record<string, unknown>) =>
        resource("aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration", props);
    const cases: [string, Record<string, unknown>, number, Record<string, unknown>?][] = [
        ["Compliance: on, no exceptions", { blockPublicSecurityGroupRules: true }, 0],
        [
            "Compliance: on, port 22 excepted",
            { blockPublicSecurityGroupRules: true, permittedPublicSecurityGroupRuleRanges: [{ minRange: 22, maxRange: 22 }] },
            0,
        ],
        ["Noncompliance: off", { blockPublicSecurityGroupRules: false }, 1],
        ['Noncompliance: "true" as a string', { blockPublicSecurityGroupRules: "true" }, 1],
        [
            "Noncompliance: a range beyond port 22",
            {
                blockPublicSecurityGroupRules: true,
                permittedPublicSecurityGroupRuleRanges: [
                    { minRange: 22, maxRange: 23 },
                    { minRange: 8443, maxRange: 8443 },
                ],
            },
            2,
        ],
        [
            "Compliance: port 443 when the config permits it",
            { blockPublicSecurityGroupRules: true, permittedPublicSecurityGroupRuleRanges: [{ minRange: 443, maxRange: 443 }] },
            0,
            { "emr-block-public-access": { permittedPorts: [22, 443] } },
        ],
    ];
    for (const [what, props, count, config] of cases) {
        it(what, async () => assert.strictEqual((await messages(emrBlockPublicAccess, bpa(props), { config })).length, count));
    }
    it("names the range and the permitted ports", async () => {
        const [message] = await messages(
            emrBlockPublicAccess,
            bpa({ blockPublicSecurityGroupRules: true, permittedPublicSecurityGroupRuleRanges: [{ minRange: 0, maxRange: 65535 }] }),
        );
        assert.strictEqual(
            message,
            "A permitted public range covers ports 0-65535; only 22 may be open to the internet. Remove the range.",
        );
    });
});

describe("emr-tls-certificate", () => {
    const key = (props: Record<string, unknown>) => resource("tls:index/privateKey:PrivateKey", props);
    const cert = (hours: unknown) =>
        resource("tls:index/selfSignedCert:SelfSignedCert", { validityPeriodHours: hours, privateKeyPem: "secret-key-material" });
    const cases: [string, PolicyResource, string[], Record<string, unknown>?][] = [
        ["Compliance: RSA 2048 (the provider default size)", key({ algorithm: "RSA" }), []],
        ["Compliance: ECDSA P-384", key({ algorithm: "ECDSA", ecdsaCurve: "P384" }), []],
        ["Compliance: Ed25519", key({ algorithm: "ED25519" }), []],
        [
            "Noncompliance: RSA 1024",
            key({ algorithm: "RSA", rsaBits: 1024 }),
            ["The RSA key has 1024 bits; at least 2048 are required. Raise rsaBits."],
        ],
        [
            "Noncompliance: ECDSA on the provider's default curve P224",
            key({ algorithm: "ECDSA" }),
            ['The ECDSA key uses curve "P224"; use P256, P384 or P521.'],
        ],
        [
            "Noncompliance: RSA 2048 under a 3072-bit minimum",
            key({ algorithm: "RSA" }),
            ["The RSA key has 2048 bits; at least 3072 are required. Raise rsaBits."],
            { "emr-tls-certificate": { minRsaBits: 3072 } },
        ],
        ["Compliance: a one-year certificate", cert(8760), []],
        [
            "Noncompliance: a five-year certificate",
            cert(43800),
            ["The certificate is valid for 43800 hours; at most 8760 are allowed. Shorten validityPeriodHours."],
        ],
    ];
    for (const [what, subject, expected, config] of cases) {
        it(what, async () => assert.deepStrictEqual(await messages(emrTlsCertificate, subject, { config }), expected));
    }
    it("never echoes the private key it sees", async () => {
        const found = await findings(emrTlsCertificate, [cert(99999)]);
        assert.ok(found.every((f) => !f.message.includes("secret-key-material")));
    });
});

describe("kms-key-rotation", () => {
    const key = (props: Record<string, unknown>, type = "aws:kms/key:Key") => resource(type, props, "k");
    it("Compliance: rotation on", async () => assert.deepStrictEqual(await messages(kmsKeyRotation, key({ enableKeyRotation: true })), []));
    for (const [what, value] of [
        ["missing", undefined],
        ["false", false],
        ['the string "true"', "true"],
    ] as const) {
        it(`Noncompliance: rotation ${what} on a symmetric key`, async () => {
            assert.deepStrictEqual(await messages(kmsKeyRotation, key({ enableKeyRotation: value })), [
                "Automatic rotation is off for a symmetric encryption key. Set enableKeyRotation to true.",
            ]);
        });
    }
    const exempt: [string, PolicyResource][] = [
        ["an asymmetric key", key({ customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })],
        ["an RSA encryption key", key({ customerMasterKeySpec: "RSA_4096", keyUsage: "ENCRYPT_DECRYPT" })],
        ["an HMAC key", key({ customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" })],
        ["an aws-native HMAC key", key({ keySpec: "HMAC_512" }, "aws-native:kms:Key")],
        ["a key with imported material", key({}, "aws:kms/externalKey:ExternalKey")],
        ["an aws-native key with imported material", key({ origin: "EXTERNAL" }, "aws-native:kms:Key")],
        ["a key in a custom key store", key({ customKeyStoreId: "cks-1234567890abcdef0" })],
    ];
    for (const [what, subject] of exempt) {
        it(`not applicable, not a violation: ${what}`, async () => assert.deepStrictEqual(await messages(kmsKeyRotation, subject), []));
    }
    it("remediates: turns rotation on at level remediate, and reports that it did", async () => {
        const found = await findings(kmsKeyRotation, [key({ enableKeyRotation: false, description: "d" })], {
            config: { "kms-key-rotation": "remediate" },
        });
        assert.deepStrictEqual(
            found.map((f) => [f.level, f.message]),
            [["remediate", "remediated by policy 'kms-key-rotation'"]],
        );
    });
    it("does not remediate keys AWS cannot rotate", async () => {
        const found = await findings(kmsKeyRotation, [key({ customerMasterKeySpec: "HMAC_256" })], {
            config: { "kms-key-rotation": "remediate" },
        });
        assert.deepStrictEqual(found, []);
    });
});

describe("kms-key-deletion-window", () => {
    const key = (props: Record<string, unknown>, type = "aws:kms/key:Key") => resource(type, props);
    it("Compliance: unset (KMS's 30 days) or 30", async () => {
        assert.deepStrictEqual(await messages(kmsKeyDeletionWindow, key({})), []);
        assert.deepStrictEqual(await messages(kmsKeyDeletionWindow, key({ pendingWindowInDays: 30 }, "aws-native:kms:Key")), []);
    });
    it("Noncompliance: 7 days", async () => {
        assert.deepStrictEqual(await messages(kmsKeyDeletionWindow, key({ deletionWindowInDays: 7 })), [
            "The deletion window is 7 days; at least 30 are required. Lengthen it.",
        ]);
    });
    it("Compliance: 10 days under a configured minimum of 7", async () => {
        assert.deepStrictEqual(
            await messages(kmsKeyDeletionWindow, key({ deletionWindowInDays: 10 }), {
                config: { "kms-key-deletion-window": { minimumDays: 7 } },
            }),
            [],
        );
    });
});

describe("kms-key-policy-no-public-principal", () => {
    const policy = (statement: Record<string, unknown>) =>
        JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*", ...statement }] });
    const wildcard = [{ Principal: "*" }, { Principal: { AWS: "*" } }, { Principal: { AWS: ["arn:aws:iam::111122223333:root", "*"] } }];
    for (const statement of wildcard) {
        it(`Noncompliance: Allow with principal ${JSON.stringify(statement.Principal)}`, async () => {
            const [message] = await messages(kmsKeyPolicyNoPublicPrincipal, resource("aws:kms/key:Key", { policy: policy(statement) }));
            assert.match(
                message,
                /^Statement 0 allows any principal \("\*"\) without a condition limiting it to an account or organization/,
            );
        });
    }
    const fine: [string, Record<string, unknown>][] = [
        ["a named role", { Principal: { AWS: "arn:aws:iam::111122223333:role/emr" } }],
        ["a wildcard limited to the organization", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }],
        [
            "a wildcard limited to the calling account",
            { Principal: { AWS: "*" }, Condition: { StringEquals: { "kms:CallerAccount": "111122223333" } } },
        ],
        ["a wildcard Deny", { Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
    ];
    for (const [what, statement] of fine) {
        it(`Compliance: ${what}`, async () =>
            assert.deepStrictEqual(
                await messages(kmsKeyPolicyNoPublicPrincipal, resource("aws:kms/key:Key", { policy: policy(statement) })),
                [],
            ));
    }
    it("Noncompliance: a wildcard whose condition value is itself a wildcard", async () => {
        const statement = { Principal: "*", Condition: { StringLike: { "aws:PrincipalOrgID": "o-*" } } };
        assert.strictEqual(
            (await messages(kmsKeyPolicyNoPublicPrincipal, resource("aws:kms/key:Key", { policy: policy(statement) }))).length,
            1,
        );
    });
    it("reads KeyPolicy resources and aws-native object policies too", async () => {
        assert.strictEqual(
            (
                await messages(
                    kmsKeyPolicyNoPublicPrincipal,
                    resource("aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: policy({ Principal: "*" }) }),
                )
            ).length,
            1,
        );
        assert.strictEqual(
            (
                await messages(
                    kmsKeyPolicyNoPublicPrincipal,
                    resource("aws-native:kms:Key", { keyPolicy: JSON.parse(policy({ Principal: "*" })) }),
                )
            ).length,
            1,
        );
    });
    it("Noncompliance: a policy that is not JSON", async () => {
        assert.deepStrictEqual(await messages(kmsKeyPolicyNoPublicPrincipal, resource("aws:kms/key:Key", { policy: "{" })), [
            "The key policy is not a JSON policy document. Fix it: KMS refuses it.",
        ]);
    });
});
