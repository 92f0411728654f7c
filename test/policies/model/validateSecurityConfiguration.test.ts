import * as assert from "assert";
import { Problem, validateSecurityConfiguration } from "../../../policies/model";
import { example, exampleNames, exampleText } from "../../fixtures";

const KEY_A = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
const KEY_B = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";
const S3 = "/EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration";
const LD = "/EncryptionConfiguration/AtRestEncryptionConfiguration/LocalDiskEncryptionConfiguration";
const TLS = "/EncryptionConfiguration/InTransitEncryptionConfiguration/TLSCertificateConfiguration";

/** The path each invalid example breaks, from the examples README. */
const INVALID_PATHS: Record<string, string[]> = {
    "invalid-01-sse-c-mode.json": [`${S3}/EncryptionMode`],
    "invalid-03-wrong-key-casing.json": ["/encryptionConfiguration"],
    "invalid-05-ebs-encryption-with-custom-provider.json": [`${LD}/EnableEbsEncryption`],
    "invalid-07-same-custom-class-for-s3-and-disk.json": [`${LD}/EncryptionKeyProviderClass`],
    "invalid-09-invented-schema.json": ["/Encryption", "/Logging"],
};

/** A hardened document every case below starts from. */
function hardened(): Record<string, any> {
    return {
        EncryptionConfiguration: {
            EnableInTransitEncryption: true,
            EnableAtRestEncryption: true,
            InTransitEncryptionConfiguration: {
                TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://certs-bucket/emr/certs-0123.zip" },
            },
            AtRestEncryptionConfiguration: {
                S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY_A },
                LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: KEY_B, EnableEbsEncryption: true },
            },
        },
        AuthenticationConfiguration: {
            KerberosConfiguration: { Provider: "ClusterDedicatedKdc", ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 } },
        },
        InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
    };
}

function paths(problems: Problem[]): string[] {
    return problems.map((p) => p.path);
}

describe("validateSecurityConfiguration", () => {
    describe("the shared examples", () => {
        for (const name of exampleNames("valid")) {
            it(`accepts ${name}, as text and as an object`, () => {
                assert.deepStrictEqual(validateSecurityConfiguration(exampleText(name)), []);
                assert.deepStrictEqual(validateSecurityConfiguration(example(name)), []);
            });
        }
        for (const name of exampleNames("invalid")) {
            it(`rejects ${name} at the field its README names`, () => {
                const found = paths(validateSecurityConfiguration(exampleText(name)));
                for (const expected of INVALID_PATHS[name]) {
                    assert.ok(found.includes(expected), `${expected} not in ${JSON.stringify(found)}`);
                }
            });
        }
        it("knows the path of every invalid example", () => {
            assert.deepStrictEqual(Object.keys(INVALID_PATHS).sort(), exampleNames("invalid"));
        });
    });

    it("accepts the hardened baseline document", () => {
        assert.deepStrictEqual(validateSecurityConfiguration(hardened()), []);
    });

    describe("input that is not a document", () => {
        const cases: [string, unknown, string][] = [
            ["broken JSON", '{"EncryptionConfiguration": {', "The security configuration is not valid JSON: "],
            ["a JSON array", "[]", "The security configuration must be a JSON object; got an array"],
            ["null", null, "The security configuration must be a JSON object; got null"],
            ["a number", 5, "The security configuration must be a JSON object; got the number 5"],
        ];
        for (const [what, input, message] of cases) {
            it(`reports ${what} at the root`, () => {
                const problems = validateSecurityConfiguration(input);
                assert.strictEqual(problems.length, 1);
                assert.strictEqual(problems[0].path, "");
                assert.ok(problems[0].message.startsWith(message), problems[0].message);
            });
        }
        it("reports an empty document", () => {
            assert.deepStrictEqual(validateSecurityConfiguration({}), [
                {
                    path: "",
                    message:
                        "A security configuration must set at least one of EncryptionConfiguration, AuthenticationConfiguration, AuthorizationConfiguration, InstanceMetadataServiceConfiguration, LakeFormationConfiguration",
                },
            ]);
        });
    });

    describe("types, values and keys (exact messages)", () => {
        const cases: [string, (d: Record<string, any>) => void, Problem[]][] = [
            [
                'a boolean written as the string "true"',
                (d) => (d.EncryptionConfiguration.EnableAtRestEncryption = "true"),
                [
                    {
                        path: "/EncryptionConfiguration/EnableAtRestEncryption",
                        message: 'EnableAtRestEncryption must be a JSON boolean (true or false); got the string "true"',
                    },
                ],
            ],
            [
                "an enum value in the wrong case",
                (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode = "sse-kms"),
                [
                    {
                        path: `${S3}/EncryptionMode`,
                        message:
                            'EncryptionMode must be "SSE-S3", "SSE-KMS", "CSE-KMS" or "CSE-Custom"; got "sse-kms" (values are case-sensitive: did you mean "SSE-KMS"?)',
                    },
                ],
            ],
            [
                "a key in the wrong case",
                (d) => {
                    const s3 = d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration;
                    s3.AWSKmsKey = s3.AwsKmsKey;
                    delete s3.AwsKmsKey;
                },
                [
                    {
                        path: `${S3}/AWSKmsKey`,
                        message:
                            '"AWSKmsKey" is not a key of S3EncryptionConfiguration; EMR rejects unknown keys. Keys are case-sensitive: did you mean "AwsKmsKey"? Allowed keys: EncryptionMode, AwsKmsKey, S3Object, EncryptionKeyProviderClass, Overrides',
                    },
                    { path: `${S3}/AwsKmsKey`, message: 'AwsKmsKey is required when EncryptionMode is "SSE-KMS"' },
                ],
            ],
            [
                "a KMS alias instead of a key ARN",
                (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey = "alias/emr"),
                [
                    {
                        path: `${S3}/AwsKmsKey`,
                        message:
                            'AwsKmsKey must be a full KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id>, not an alias: EMR requires a fully specified key ARN; got the string "alias/emr"',
                    },
                ],
            ],
            [
                "an alias ARN",
                (d) =>
                    (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey =
                        "arn:aws:kms:us-east-1:111122223333:alias/emr-disk"),
                [
                    {
                        path: `${LD}/AwsKmsKey`,
                        message:
                            'AwsKmsKey must be a full KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id>, not an alias: EMR requires a fully specified key ARN; got the string "arn:aws:kms:us-east-1:111122223333:alias/emr-disk"',
                    },
                ],
            ],
            [
                "a bare key id",
                (d) =>
                    (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey =
                        "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"),
                [
                    {
                        path: `${LD}/AwsKmsKey`,
                        message:
                            'AwsKmsKey must be a full KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id>, not a bare key id: EMR requires a fully specified key ARN; got the string "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"',
                    },
                ],
            ],
            [
                "a PEM location that is not an S3 zip",
                (d) =>
                    (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object =
                        "https://example.com/certs.zip"),
                [
                    {
                        path: `${TLS}/S3Object`,
                        message:
                            'S3Object must be an S3 object location, s3://<bucket>/<key>.zip or arn:aws:s3:::<bucket>/<key>.zip when CertificateProviderType is "PEM"',
                    },
                ],
            ],
            [
                "a PEM location that is a jar",
                (d) =>
                    (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object =
                        "s3://certs-bucket/provider.jar"),
                [
                    {
                        path: `${TLS}/S3Object`,
                        message:
                            'S3Object must name a .zip object (s3://<bucket>/<key>.zip or arn:aws:s3:::<bucket>/<key>.zip) when CertificateProviderType is "PEM"',
                    },
                ],
            ],
            [
                "a hop limit out of range and a ticket lifetime that is not an integer",
                (d) => {
                    d.InstanceMetadataServiceConfiguration.HttpPutResponseHopLimit = 65;
                    d.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.TicketLifetimeInHours = 1.5;
                },
                [
                    {
                        path: "/AuthenticationConfiguration/KerberosConfiguration/ClusterDedicatedKdcConfiguration/TicketLifetimeInHours",
                        message: "TicketLifetimeInHours must be a JSON integer; got the number 1.5",
                    },
                    {
                        path: "/InstanceMetadataServiceConfiguration/HttpPutResponseHopLimit",
                        message: "HttpPutResponseHopLimit must be from 1 to 64; got 65",
                    },
                ],
            ],
            [
                "IMDS version 3 and a missing hop limit",
                (d) => {
                    d.InstanceMetadataServiceConfiguration = { MinimumInstanceMetadataServiceVersion: 3 };
                },
                [
                    {
                        path: "/InstanceMetadataServiceConfiguration/MinimumInstanceMetadataServiceVersion",
                        message: "MinimumInstanceMetadataServiceVersion must be 1 or 2; got 3",
                    },
                    {
                        path: "/InstanceMetadataServiceConfiguration/HttpPutResponseHopLimit",
                        message: "HttpPutResponseHopLimit is required in InstanceMetadataServiceConfiguration",
                    },
                ],
            ],
            [
                "a section given as null",
                (d) => (d.AuthenticationConfiguration = null),
                [{ path: "/AuthenticationConfiguration", message: "AuthenticationConfiguration must be a JSON object; got null" }],
            ],
            [
                "the old TicketLifeTimeInHours spelling",
                (d) =>
                    (d.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration = {
                        TicketLifeTimeInHours: 24,
                    }),
                [
                    {
                        path: "/AuthenticationConfiguration/KerberosConfiguration/ClusterDedicatedKdcConfiguration/TicketLifeTimeInHours",
                        message:
                            '"TicketLifeTimeInHours" is not a key of ClusterDedicatedKdcConfiguration; EMR rejects unknown keys. Keys are case-sensitive: did you mean "TicketLifetimeInHours"? Allowed keys: TicketLifetimeInHours, CrossRealmTrustConfiguration',
                    },
                ],
            ],
        ];
        for (const [what, mutate, expected] of cases) {
            it(`reports ${what}`, () => {
                const doc = hardened();
                mutate(doc);
                assert.deepStrictEqual(validateSecurityConfiguration(doc), expected);
            });
        }
    });

    describe("cross-field rules (reference 1.11)", () => {
        const cases: [string, (d: Record<string, any>) => void, string[]][] = [
            [
                "SSE-KMS without a key",
                (d) => delete d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey,
                [`${S3}/AwsKmsKey`],
            ],
            [
                "SSE-S3 with a key",
                (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode = "SSE-S3"),
                [`${S3}/AwsKmsKey`],
            ],
            [
                "CSE-Custom without jar and class, with a key",
                (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode = "CSE-Custom"),
                [`${S3}/S3Object`, `${S3}/EncryptionKeyProviderClass`, `${S3}/AwsKmsKey`],
            ],
            [
                "an override in KMS mode without a key, and a bucket overridden twice",
                (d) =>
                    (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.Overrides = [
                        { BucketName: "raw-data", EncryptionMode: "CSE-KMS" },
                        { BucketName: "raw-data", EncryptionMode: "SSE-S3" },
                    ]),
                [`${S3}/Overrides/0/AwsKmsKey`, `${S3}/Overrides/1/BucketName`],
            ],
            [
                "an override in CSE-Custom mode (undocumented) and with s3:// in the bucket name",
                (d) =>
                    (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.Overrides = [
                        { BucketName: "s3://raw-data", EncryptionMode: "CSE-Custom" },
                    ]),
                [`${S3}/Overrides/0/BucketName`, `${S3}/Overrides/0/EncryptionMode`],
            ],
            [
                "AwsKms without a key",
                (d) => delete d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey,
                [`${LD}/AwsKmsKey`],
            ],
            [
                "at-rest encryption on without its section",
                (d) => delete d.EncryptionConfiguration.AtRestEncryptionConfiguration,
                ["/EncryptionConfiguration/AtRestEncryptionConfiguration"],
            ],
            [
                "an at-rest section with the flag off",
                (d) => (d.EncryptionConfiguration.EnableAtRestEncryption = false),
                ["/EncryptionConfiguration/EnableAtRestEncryption"],
            ],
            [
                "an in-transit section with the flag missing",
                (d) => delete d.EncryptionConfiguration.EnableInTransitEncryption,
                ["/EncryptionConfiguration/EnableInTransitEncryption"],
            ],
            [
                "an empty at-rest section",
                (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration = {}),
                ["/EncryptionConfiguration/AtRestEncryptionConfiguration"],
            ],
            [
                "a PEM provider with a class and EMR-only fields",
                (d) =>
                    Object.assign(d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration, {
                        CertificateProviderClass: "com.example.Tls",
                        ValidityInDays: 30,
                    }),
                [`${TLS}/ValidityInDays`, `${TLS}/CertificateProviderClass`],
            ],
            [
                "a Custom provider without a class",
                (d) =>
                    (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration = {
                        CertificateProviderType: "Custom",
                        S3Object: "s3://certs-bucket/provider.jar",
                    }),
                [`${TLS}/CertificateProviderClass`],
            ],
            [
                "an EMR provider with an S3 object",
                (d) =>
                    (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.CertificateProviderType =
                        "EMR"),
                [`${TLS}/S3Object`],
            ],
            [
                "ClusterDedicatedKdc with an external KDC block instead",
                (d) =>
                    (d.AuthenticationConfiguration.KerberosConfiguration = {
                        Provider: "ClusterDedicatedKdc",
                        ExternalKdcConfiguration: {
                            KdcServerType: "Single",
                            AdminServer: "kdc.example.com:749",
                            KdcServer: "kdc.example.com:88",
                        },
                    }),
                [
                    "/AuthenticationConfiguration/KerberosConfiguration/ClusterDedicatedKdcConfiguration",
                    "/AuthenticationConfiguration/KerberosConfiguration/ExternalKdcConfiguration",
                ],
            ],
            [
                "Identity Center without in-transit encryption or its role",
                (d) => {
                    delete d.EncryptionConfiguration.InTransitEncryptionConfiguration;
                    d.EncryptionConfiguration.EnableInTransitEncryption = false;
                    d.AuthenticationConfiguration.IdentityCenterConfiguration = { EnableIdentityCenter: true };
                },
                [
                    "/AuthenticationConfiguration/IdentityCenterConfiguration/IAMRoleForEMRIdentityCenterApplicationARN",
                    "/EncryptionConfiguration/EnableInTransitEncryption",
                ],
            ],
            [
                "Ranger without Kerberos",
                (d) => {
                    delete d.AuthenticationConfiguration;
                    d.AuthorizationConfiguration = {
                        RangerConfiguration: {
                            AdminServerURL: "https://ranger.example.com:6182",
                            RoleForRangerPluginsARN: "arn:aws:iam::111122223333:role/ranger-plugins",
                            RoleForOtherAWSServicesARN: "arn:aws:iam::111122223333:role/ranger-other",
                            AdminServerSecretARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:ranger-admin",
                            RangerPluginConfigurations: [
                                {
                                    App: "Spark",
                                    ClientSecretARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:ranger-spark",
                                    PolicyRepositoryName: "spark-policies",
                                },
                            ],
                        },
                    };
                },
                ["/AuthenticationConfiguration/KerberosConfiguration"],
            ],
            [
                "keys in two Regions",
                (d) =>
                    (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey = KEY_B.replace(
                        "us-east-1",
                        "eu-west-1",
                    )),
                [`${LD}/AwsKmsKey`],
            ],
            [
                "a Prefix role mapping that is not an S3 location",
                (d) =>
                    (d.AuthorizationConfiguration = {
                        EmrFsConfiguration: {
                            RoleMappings: [
                                { Role: "arn:aws:iam::111122223333:role/r", IdentifierType: "Prefix", Identifiers: ["raw-data/"] },
                            ],
                        },
                    }),
                ["/AuthorizationConfiguration/EmrFsConfiguration/RoleMappings/0/Identifiers/0"],
            ],
        ];
        for (const [what, mutate, expected] of cases) {
            it(`reports ${what}`, () => {
                const doc = hardened();
                mutate(doc);
                assert.deepStrictEqual(paths(validateSecurityConfiguration(doc)), expected);
            });
        }

        it("names the rule and the value in cross-field messages", () => {
            const doc = hardened();
            delete doc.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey;
            doc.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration = {
                EncryptionKeyProviderType: "Custom",
                EnableEbsEncryption: true,
                AwsKmsKey: KEY_B,
            };
            assert.deepStrictEqual(validateSecurityConfiguration(doc), [
                { path: `${S3}/AwsKmsKey`, message: 'AwsKmsKey is required when EncryptionMode is "SSE-KMS"' },
                { path: `${LD}/S3Object`, message: 'S3Object is required when EncryptionKeyProviderType is "Custom"' },
                {
                    path: `${LD}/EncryptionKeyProviderClass`,
                    message: 'EncryptionKeyProviderClass is required when EncryptionKeyProviderType is "Custom"',
                },
                { path: `${LD}/AwsKmsKey`, message: 'AwsKmsKey is not allowed when EncryptionKeyProviderType is "Custom"; remove it' },
                {
                    path: `${LD}/EnableEbsEncryption`,
                    message:
                        'EnableEbsEncryption requires EncryptionKeyProviderType "AwsKms": EMR encrypts EBS volumes only with a KMS key',
                },
            ]);
        });
    });

    describe("release gates", () => {
        const gate = (doc: unknown, releaseLabel: string) => validateSecurityConfiguration(doc, { releaseLabel });

        it("accepts the hardened document on a current release", () => {
            assert.deepStrictEqual(gate(hardened(), "emr-7.5.0"), []);
        });
        it("refuses EBS encryption before 5.24.0 and IMDSv2 where EMR lacks it", () => {
            assert.deepStrictEqual(gate(hardened(), "emr-5.23.0"), [
                { path: `${LD}/EnableEbsEncryption`, message: "EBS encryption needs EMR 5.24.0 and later; emr-5.23.0 does not support it" },
                {
                    path: "/InstanceMetadataServiceConfiguration/MinimumInstanceMetadataServiceVersion",
                    message:
                        "Requiring IMDSv2 needs EMR 5.23.1, 5.27.1, 5.32.0 and later 5.x, and 6.2.0 and later; emr-5.23.0 does not support it",
                },
            ]);
        });
        const imds: [string, boolean][] = [
            ["emr-5.23.1", true],
            ["emr-5.24.0", false],
            ["emr-5.27.1", true],
            ["emr-5.31.0", false],
            ["emr-5.32.0", true],
            ["emr-6.1.0", false],
            ["emr-6.2.0", true],
            ["emr-7.0.0", true],
        ];
        for (const [release, supported] of imds) {
            it(`${supported ? "allows" : "refuses"} IMDSv2 on ${release}`, () => {
                const doc = {
                    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
                };
                assert.strictEqual(gate(doc, release).length, supported ? 0 : 1);
            });
        }
        it("refuses an external KDC before 5.20.0 and Kerberos before 5.10.0", () => {
            assert.deepStrictEqual(paths(gate(example("valid-11-kerberos-external-mit-kdc.json"), "emr-5.19.0")), [
                "/AuthenticationConfiguration/KerberosConfiguration/Provider",
            ]);
            assert.deepStrictEqual(paths(gate(example("valid-09-kerberos-cluster-dedicated-kdc.json"), "emr-5.9.0")), [
                "/AuthenticationConfiguration/KerberosConfiguration",
            ]);
        });
        it("refuses security configurations before 4.8.0, and runtime roles and Lake Formation before 6.15.0", () => {
            assert.deepStrictEqual(paths(gate(example("valid-01-sse-s3-only.json"), "emr-4.7.2")), [""]);
            assert.deepStrictEqual(paths(gate(example("valid-15-runtime-roles-lake-formation.json"), "emr-6.6.0")), [
                "/AuthorizationConfiguration/IAMConfiguration",
                "/AuthorizationConfiguration/LakeFormationConfiguration",
            ]);
        });
        it("reports a release label it cannot read", () => {
            assert.deepStrictEqual(gate(hardened(), "6.15"), [
                { path: "", message: 'releaseLabel must look like "emr-6.15.0"; got "6.15"' },
            ]);
        });
    });
});

describe("validateSecurityConfiguration on sparse arrays", () => {
    it("reads a hole as a missing item rather than skipping it", () => {
        const identifiers: string[] = [];
        identifiers[1] = "alice";
        const document = {
            AuthorizationConfiguration: {
                EmrFsConfiguration: {
                    RoleMappings: [{ Role: "arn:aws:iam::111122223333:role/r", IdentifierType: "User", Identifiers: identifiers }],
                },
            },
        };
        assert.deepStrictEqual(
            validateSecurityConfiguration(document).map((p) => p.path),
            ["/AuthorizationConfiguration/EmrFsConfiguration/RoleMappings/0/Identifiers/0"],
        );
    });
});
