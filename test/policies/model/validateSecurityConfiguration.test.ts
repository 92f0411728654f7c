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
                    code: "empty-document",
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
                        code: "wrong-type",
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
                        code: "value-not-allowed",
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
                        code: "unknown-key",
                        message:
                            '"AWSKmsKey" is not a key of S3EncryptionConfiguration; EMR rejects unknown keys. Keys are case-sensitive: did you mean "AwsKmsKey"? Allowed keys: EncryptionMode, AwsKmsKey, S3Object, EncryptionKeyProviderClass, Overrides',
                    },
                    {
                        path: `${S3}/AwsKmsKey`,
                        code: "missing-required",
                        message: 'AwsKmsKey is required when EncryptionMode is "SSE-KMS"',
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
                        code: "bad-format",
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
                        code: "bad-format",
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
                        code: "wrong-type",
                        message: "TicketLifetimeInHours must be a JSON integer; got the number 1.5",
                    },
                    {
                        path: "/InstanceMetadataServiceConfiguration/HttpPutResponseHopLimit",
                        code: "out-of-range",
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
                        code: "value-not-allowed",
                        message: "MinimumInstanceMetadataServiceVersion must be 1 or 2; got 3",
                    },
                    {
                        path: "/InstanceMetadataServiceConfiguration/HttpPutResponseHopLimit",
                        code: "missing-required",
                        message: "HttpPutResponseHopLimit is required in InstanceMetadataServiceConfiguration",
                    },
                ],
            ],
            [
                "a section given as null",
                (d) => (d.AuthenticationConfiguration = null),
                [
                    {
                        path: "/AuthenticationConfiguration",
                        code: "wrong-type",
                        message: "AuthenticationConfiguration must be a JSON object; got null",
                    },
                ],
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
                        code: "unknown-key",
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

    describe("cross-field rules (policies/reference/emr.md §1.3)", () => {
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
                { path: `${S3}/AwsKmsKey`, code: "missing-required", message: 'AwsKmsKey is required when EncryptionMode is "SSE-KMS"' },
                {
                    path: `${LD}/S3Object`,
                    code: "missing-required",
                    message: 'S3Object is required when EncryptionKeyProviderType is "Custom"',
                },
                {
                    path: `${LD}/EncryptionKeyProviderClass`,
                    code: "missing-required",
                    message: 'EncryptionKeyProviderClass is required when EncryptionKeyProviderType is "Custom"',
                },
                {
                    path: `${LD}/AwsKmsKey`,
                    code: "not-allowed-here",
                    message: 'AwsKmsKey is not allowed when EncryptionKeyProviderType is "Custom"; remove it',
                },
                {
                    path: `${LD}/EnableEbsEncryption`,
                    code: "not-allowed-here",
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
                {
                    path: `${LD}/EnableEbsEncryption`,
                    code: "release-too-old",
                    message: "EBS encryption needs EMR 5.24.0 and later; emr-5.23.0 does not support it",
                },
                {
                    path: "/InstanceMetadataServiceConfiguration/MinimumInstanceMetadataServiceVersion",
                    code: "release-too-old",
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
                { path: "", code: "bad-release-label", message: 'releaseLabel must be a string like "emr-6.15.0"; got the string "6.15"' },
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

/**
 * What EMR accepts although a stricter reading once refused it, as real documents show: each case
 * names its evidence. None of these may produce a problem.
 */
describe("validateSecurityConfiguration accepts what EMR accepts", () => {
    const S3_PATH = ["EncryptionConfiguration", "AtRestEncryptionConfiguration", "S3EncryptionConfiguration"];
    const cases: [string, string, (d: Record<string, any>) => void, string?][] = [
        [
            "Lake Formation for Identity Center as {EnableLakeFormation: true}, with no session tag value",
            "AWS's EMR Identity Center setup page and its page on trusted identity propagation for EMR on EC2 write it so; no AWS page requires AuthorizedSessionTagValue",
            (d) => {
                d.AuthorizationConfiguration = { LakeFormationConfiguration: { EnableLakeFormation: true } };
            },
            "emr-7.5.0",
        ],
        [
            "an S3 data key given as an alias ARN",
            "Terraform's acceptance test and DescribeSecurityConfiguration outputs hold alias ARNs",
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey =
                    "arn:aws:kms:us-east-1:111122223333:alias/emr-s3"),
        ],
        [
            "a local-disk key given as an alias name",
            "KMS, S3 and EC2 accept alias/<name> for same-account keys",
            (d) => (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey = "alias/emr-disk"),
        ],
        [
            "a local-disk key given as a bare key id, EBS encryption on",
            "production stacks pass key ids for S3, local disk and EBS",
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey =
                    "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"),
        ],
        [
            "a certificate zip in a bucket whose name has capitals",
            "every AWS CLI and CloudFormation example in the Management Guide uses s3://MyConfigStore/",
            (d) =>
                (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object =
                    "s3://MyConfigStore/artifacts/MyCerts.zip"),
        ],
        [
            "an EMRFS role-mapping prefix in a bucket with capitals",
            "AWS's EMRFS role-mapping example uses s3://MyBucket/",
            (d) =>
                (d.AuthorizationConfiguration = {
                    EmrFsConfiguration: {
                        RoleMappings: [
                            { Role: "arn:aws:iam::111122223333:role/data", IdentifierType: "Prefix", Identifiers: ["s3://MyBucket/"] },
                        ],
                    },
                }),
        ],
        [
            "a Ranger plugin for Trino",
            'Management Guide, "Trino plugin for Ranger integration with Amazon EMR"',
            (d) =>
                (d.AuthorizationConfiguration = {
                    RangerConfiguration: {
                        AdminServerURL: "https://ranger.example.com:6182",
                        RoleForRangerPluginsARN: "arn:aws:iam::111122223333:role/ranger-plugins",
                        RoleForOtherAWSServicesARN: "arn:aws:iam::111122223333:role/ranger-other",
                        AdminServerSecretARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:admin",
                        RangerPluginConfigurations: [
                            {
                                App: "Trino",
                                ClientSecretARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:trino",
                                PolicyRepositoryName: "trino",
                            },
                        ],
                    },
                }),
        ],
        [
            "a custom key provider class without a package",
            "an AWS blog sample's provider class emrtls has no package and ran on EMR 5.14.0 and 5.22.0",
            (d) =>
                (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration = {
                    CertificateProviderType: "Custom",
                    S3Object: "s3://my-bucket/emrtls.jar",
                    CertificateProviderClass: "emrtls",
                }),
        ],
        [
            "an external KDC's AD integration without AdServer",
            "AWS's ExtKDCWithADIntegration CLI example omits it",
            (d) =>
                (d.AuthenticationConfiguration.KerberosConfiguration = {
                    Provider: "ExternalKdc",
                    ExternalKdcConfiguration: {
                        KdcServerType: "Single",
                        AdminServer: "kdc.example.com:749",
                        KdcServer: "kdc.example.com:88",
                        AdIntegrationConfiguration: { AdRealm: "AD.EXAMPLE.COM", AdDomain: "ad.example.com" },
                    },
                }),
        ],
        [
            "user background sessions for Identity Center on 7.11.0",
            "Management Guide, user background sessions (EMR 7.11.0+)",
            (d) =>
                (d.AuthenticationConfiguration = {
                    IdentityCenterConfiguration: {
                        EnableIdentityCenter: true,
                        IAMRoleForEMRIdentityCenterApplicationARN: "arn:aws:iam::111122223333:role/idc",
                        EnableUserBackgroundSession: true,
                    },
                }),
            "emr-7.11.0",
        ],
        [
            "the assignment key spelled as AWS's own examples spell it",
            "AWS's Identity Center examples write IdentityCenterApplicationAssigmentRequired",
            (d) =>
                (d.AuthenticationConfiguration = {
                    IdentityCenterConfiguration: {
                        EnableIdentityCenter: true,
                        IAMRoleForEMRIdentityCenterApplicationARN: "arn:aws:iam::111122223333:role/idc",
                        IdentityCenterApplicationAssigmentRequired: true,
                    },
                }),
        ],
        [
            "an at-rest section with its flag false",
            'EMR documents "if omitted, false is assumed" and AWS\'s WAL examples combine sections with false flags',
            (d) => (d.EncryptionConfiguration.EnableAtRestEncryption = false),
        ],
        [
            "an in-transit section with its flag missing",
            'EMR documents "if omitted, false is assumed"',
            (d) => delete d.EncryptionConfiguration.EnableInTransitEncryption,
        ],
    ];
    for (const [what, evidence, mutate, releaseLabel] of cases) {
        it(`accepts ${what} (evidence: ${evidence})`, () => {
            const doc = hardened();
            mutate(doc);
            assert.deepStrictEqual(validateSecurityConfiguration(doc, { releaseLabel: releaseLabel ?? "emr-7.5.0" }), []);
        });
    }

    it("still refuses what EMR refuses, each with its code", () => {
        const codes = (mutate: (d: Record<string, any>) => void, releaseLabel = "emr-7.5.0") => {
            const doc = hardened();
            mutate(doc);
            return validateSecurityConfiguration(doc, { releaseLabel }).map((p) => `${p.code} ${p.path}`);
        };
        const s3 = (d: Record<string, any>) => d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration;
        const ld = (d: Record<string, any>) => d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration;
        const at = (...keys: string[]) => "/" + [...S3_PATH.slice(0, 2), ...keys].join("/");
        assert.deepStrictEqual(
            codes((d) => (ld(d).EncryptionKeyProviderType = "AwsKMS")),
            [`value-not-allowed ${at("LocalDiskEncryptionConfiguration", "EncryptionKeyProviderType")}`],
        );
        assert.deepStrictEqual(
            codes((d) => delete s3(d).AwsKmsKey),
            [`missing-required ${at("S3EncryptionConfiguration", "AwsKmsKey")}`],
        );
        assert.deepStrictEqual(
            codes((d) => (s3(d).AwsKmsKey = "arn:aws:kms:us-east-1:111122223333:key/1234-1234-1234")),
            [`kms-key-not-a-key ${at("S3EncryptionConfiguration", "AwsKmsKey")}`],
        );
        assert.deepStrictEqual(
            codes((d) => (s3(d).AwsKmsKey = "my key")),
            [`bad-format ${at("S3EncryptionConfiguration", "AwsKmsKey")}`],
        );
        assert.deepStrictEqual(codes(() => undefined, "emr-4.7.0").slice(0, 1), ["release-too-old "]);
        assert.deepStrictEqual(
            codes((d) => (d.EncryptionConfiguration.EnableAtRestEncryption = "true")),
            ["wrong-type /EncryptionConfiguration/EnableAtRestEncryption"],
        );
        assert.deepStrictEqual(
            codes((d) => {
                delete d.EncryptionConfiguration.InTransitEncryptionConfiguration;
                d.EncryptionConfiguration.EnableInTransitEncryption = true;
            }),
            ["flag-without-section /EncryptionConfiguration/InTransitEncryptionConfiguration"],
        );
        assert.deepStrictEqual(
            codes((d) => (d.AuthenticationConfiguration = { IdentityCenterConfiguration: { EnableIdentityCenter: true } })),
            ["missing-required /AuthenticationConfiguration/IdentityCenterConfiguration/IAMRoleForEMRIdentityCenterApplicationARN"],
        );
        assert.deepStrictEqual(
            codes(
                (d) =>
                    (d.AuthenticationConfiguration = {
                        IdentityCenterConfiguration: {
                            EnableIdentityCenter: true,
                            IAMRoleForEMRIdentityCenterApplicationARN: "arn:aws:iam::111122223333:role/idc",
                            EnableUserBackgroundSession: true,
                        },
                    }),
                "emr-7.10.0",
            ),
            ["release-too-old /AuthenticationConfiguration/IdentityCenterConfiguration/EnableUserBackgroundSession"],
        );
        assert.deepStrictEqual(
            codes(
                (d) => (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object = "s3://ab/x.zip"),
            ),
            ["bad-format /EncryptionConfiguration/InTransitEncryptionConfiguration/TLSCertificateConfiguration/S3Object"],
        );
    });

    it("names the real cause of a bad S3 location", () => {
        const doc = hardened();
        doc.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object = "s3://my bucket/certs.zip";
        const [problem] = validateSecurityConfiguration(doc);
        assert.match(problem.message, /"my bucket" is not an S3 bucket name/);
        doc.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration.S3Object = "s3://my-bucket/";
        assert.match(validateSecurityConfiguration(doc)[0].message, /names the bucket but no object key/);
    });
});
