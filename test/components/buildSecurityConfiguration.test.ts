import * as assert from "assert";
import { InvalidArgumentsError } from "../../components/invalidArguments";
import { buildSecurityConfiguration, SecurityConfigurationSpec } from "../../components/securityConfigurationDocument";
import { DOCUMENT, SchemaNode, serializeSecurityConfiguration, validateSecurityConfiguration } from "../../policies/model";
import { example, exampleNames } from "../fixtures";

const ACCOUNT = "111122223333";
const key = (n: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-${n.repeat(4)}-4a5b-8c9d-0e1f2a3b4c0${n}`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const CERTS = "s3://acme-emr-security-artifacts/tls/2025-06/emr-certs.zip";
const runtimeRoles = {
    iamConfiguration: { enableApplicationScopedIamRole: true, applicationScopedIamRoleConfiguration: { propagateSourceIdentity: true } },
    lakeFormationConfiguration: { authorizedSessionTagValue: "Amazon EMR" },
};
const pemInTransit = { tlsCertificateConfiguration: { certificateProviderType: "PEM", s3Object: CERTS } };

/** For each shared valid example, the arguments that must build exactly that document. */
const ARGUMENTS: Record<string, SecurityConfigurationSpec> = {
    "valid-01-sse-s3-only.json": {
        encryptionConfiguration: { atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionMode: "SSE-S3" } } },
    },
    "valid-03-cse-kms.json": {
        encryptionConfiguration: {
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: { encryptionMode: "CSE-KMS", awsKmsKey: key("1") },
                localDiskEncryptionConfiguration: { encryptionKeyProviderType: "AwsKms", awsKmsKey: key("2") },
            },
        },
    },
    "valid-05-per-bucket-overrides.json": {
        encryptionConfiguration: {
            enableInTransitEncryption: false,
            enableAtRestEncryption: true,
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: {
                    encryptionMode: "SSE-KMS",
                    awsKmsKey: key("1"),
                    overrides: [
                        { bucketName: "acme-public-reference-data", encryptionMode: "SSE-S3" },
                        { bucketName: "acme-pii-landing", encryptionMode: "CSE-KMS", awsKmsKey: key("3") },
                        { bucketName: "acme-finance-curated", encryptionMode: "SSE-KMS", awsKmsKey: key("3") },
                    ],
                },
            },
        },
    },
    "valid-07-intransit-custom-provider.json": {
        encryptionConfiguration: {
            inTransitEncryptionConfiguration: {
                tlsCertificateConfiguration: {
                    certificateProviderType: "Custom",
                    s3Object: "s3://acme-emr-security-artifacts/providers/tls-from-secrets-manager-2.1.0.jar",
                    certificateProviderClass: "com.acme.emr.tls.SecretsManagerTlsArtifactsProvider",
                },
            },
        },
    },
    "valid-09-kerberos-cluster-dedicated-kdc.json": {
        authenticationConfiguration: {
            kerberosConfiguration: { provider: "ClusterDedicatedKdc", clusterDedicatedKdcConfiguration: { ticketLifetimeInHours: 12 } },
        },
    },
    "valid-11-kerberos-external-mit-kdc.json": {
        authenticationConfiguration: {
            kerberosConfiguration: {
                provider: "ExternalKdc",
                externalKdcConfiguration: {
                    ticketLifetimeInHours: 10,
                    kdcServerType: "Single",
                    adminServer: "kdc.analytics.acme.example:749",
                    kdcServer: "kdc.analytics.acme.example:88",
                },
            },
        },
    },
    "valid-13-emrfs-role-mappings.json": {
        authorizationConfiguration: {
            emrFsConfiguration: {
                roleMappings: [
                    { role: role("emrfs-analyst-alice"), identifierType: "User", identifiers: ["alice"] },
                    { role: role("emrfs-finance-group"), identifierType: "Group", identifiers: ["finance-analysts", "finance-engineers"] },
                    {
                        role: role("emrfs-reference-data-ro"),
                        identifierType: "Prefix",
                        identifiers: ["s3://acme-public-reference-data/", "s3://acme-finance-curated/reference/"],
                    },
                ],
            },
        },
    },
    "valid-15-runtime-roles-lake-formation.json": {
        authorizationConfiguration: runtimeRoles,
        encryptionConfiguration: { inTransitEncryptionConfiguration: pemInTransit },
        instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 1 },
    },
    "valid-17-identity-center-tip.json": {
        authenticationConfiguration: {
            identityCenterConfiguration: {
                enableIdentityCenter: true,
                identityCenterInstanceArn: "arn:aws:sso:::instance/ssoins-72230a1b2c3d4e5f",
                iamRoleForEmrIdentityCenterApplicationArn: role("emr-identity-center-app"),
                identityCenterApplicationAssignmentRequired: false,
            },
        },
        authorizationConfiguration: runtimeRoles,
        encryptionConfiguration: { inTransitEncryptionConfiguration: pemInTransit },
    },
    "valid-19-emr-wal-kms.json": {
        encryptionConfiguration: { emrWalEncryptionConfiguration: { awsKmsKey: key("4") } },
    },
};

/** Valid arguments that, between them, set every settable key of the schema. */
const COVERAGE: SecurityConfigurationSpec[] = [
    {
        encryptionConfiguration: {
            enableInTransitEncryption: true,
            enableAtRestEncryption: true,
            inTransitEncryptionConfiguration: {
                tlsCertificateConfiguration: {
                    certificateProviderType: "EMR",
                    awsKmsKey: key("5"),
                    secretTags: [{ key: "team", value: "data" }],
                    validityInDays: 365,
                    wildcardDnsSuffix: "corp.example.com",
                },
            },
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: {
                    encryptionMode: "CSE-Custom",
                    s3Object: "s3://providers/s3-materials.jar",
                    encryptionKeyProviderClass: "com.example.S3Materials",
                    overrides: [{ bucketName: "public-data", encryptionMode: "SSE-KMS", awsKmsKey: key("1") }],
                },
                localDiskEncryptionConfiguration: { encryptionKeyProviderType: "AwsKms", awsKmsKey: key("2"), enableEbsEncryption: true },
            },
            emrWalEncryptionConfiguration: { awsKmsKey: key("4") },
        },
        authenticationConfiguration: {
            kerberosConfiguration: {
                provider: "ClusterDedicatedKdc",
                clusterDedicatedKdcConfiguration: {
                    ticketLifetimeInHours: 10,
                    crossRealmTrustConfiguration: {
                        realm: "AD.EXAMPLE.COM",
                        domain: "ad.example.com",
                        adminServer: "ad.example.com",
                        kdcServer: "ad.example.com:88",
                    },
                },
            },
        },
        authorizationConfiguration: {
            emrFsConfiguration: { roleMappings: [{ role: role("alice"), identifierType: "User", identifiers: ["alice"] }] },
            lakeFormationConfiguration: { enableLakeFormation: true },
            rangerConfiguration: {
                adminServerUrl: "https://ranger.example.com:6182",
                roleForRangerPluginsArn: role("ranger-plugins"),
                roleForOtherAwsServicesArn: role("ranger-other"),
                adminServerSecretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ranger-admin`,
                rangerPluginConfigurations: [
                    {
                        app: "Hive",
                        clientSecretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ranger-hive`,
                        policyRepositoryName: "hive",
                    },
                ],
                auditConfiguration: {
                    destinations: {
                        amazonCloudWatchLogs: { cloudWatchLogGroup: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:ranger-audit` },
                    },
                },
            },
        },
        instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 1 },
        legacyLakeFormationConfiguration: {
            idpMetadataS3Path: "s3://idp-metadata/saml.xml",
            emrRoleForUsersArn: role("users"),
            lakeFormationRoleForSamlPrincipalArn: role("saml"),
        },
    },
    {
        encryptionConfiguration: {
            inTransitEncryptionConfiguration: {
                tlsCertificateConfiguration: {
                    certificateProviderType: "Custom",
                    s3Object: "s3://providers/tls.jar",
                    certificateProviderClass: "com.example.Tls",
                },
            },
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: key("1") },
                localDiskEncryptionConfiguration: {
                    encryptionKeyProviderType: "Custom",
                    s3Object: "s3://providers/disk.jar",
                    encryptionKeyProviderClass: "com.example.Disk",
                },
            },
        },
        authenticationConfiguration: {
            kerberosConfiguration: {
                provider: "ExternalKdc",
                externalKdcConfiguration: {
                    ticketLifetimeInHours: 8,
                    kdcServerType: "Single",
                    adminServer: "kdc.example.com:749",
                    kdcServer: "kdc.example.com:88",
                    adIntegrationConfiguration: { adRealm: "AD.EXAMPLE.COM", adDomain: "ad.example.com", adServer: "dc1.ad.example.com" },
                },
            },
            identityCenterConfiguration: {
                enableIdentityCenter: true,
                identityCenterInstanceArn: "arn:aws:sso:::instance/ssoins-72230a1b2c3d4e5f",
                iamRoleForEmrIdentityCenterApplicationArn: role("idc"),
                identityCenterApplicationAssignmentRequired: true,
                enableUserBackgroundSession: true,
            },
        },
        authorizationConfiguration: runtimeRoles,
    },
];

/** Every settable key path of the schema, array items written as `[]`. */
function settablePaths(node: SchemaNode, prefix = ""): string[] {
    if (node.kind === "array") {
        return settablePaths(node.items, `${prefix}/[]`);
    }
    if (node.kind !== "object") {
        return [];
    }
    return node.fields.filter((f) => f.arg).flatMap((f) => [`${prefix}/${f.key}`, ...settablePaths(f.node, `${prefix}/${f.key}`)]);
}

function keyPaths(value: unknown, prefix = ""): string[] {
    if (Array.isArray(value)) {
        return value.flatMap((item) => keyPaths(item, `${prefix}/[]`));
    }
    if (typeof value !== "object" || value === null) {
        return [];
    }
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}/${k}`, ...keyPaths(v, `${prefix}/${k}`)]);
}

function problemsOf(f: () => unknown): { path: string; code: string; message: string }[] {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof InvalidArgumentsError, String(e));
        return [...e.problems];
    }
    assert.fail("expected an InvalidArgumentsError");
}

describe("buildSecurityConfiguration", () => {
    for (const name of exampleNames("valid")) {
        it(`builds ${name} exactly`, () => {
            assert.ok(ARGUMENTS[name], `no arguments written for ${name}`);
            assert.deepStrictEqual(buildSecurityConfiguration(ARGUMENTS[name]), example(name));
        });
    }

    it("reaches every settable key of the schema from typed arguments", () => {
        const built = new Set(COVERAGE.flatMap((spec) => keyPaths(buildSecurityConfiguration(spec))));
        assert.deepStrictEqual(
            settablePaths(DOCUMENT).filter((p) => !built.has(p)),
            [],
        );
    });

    it("writes keys in the schema's order whatever the argument order, so the string is stable", () => {
        const reordered: SecurityConfigurationSpec = {
            instanceMetadataServiceConfiguration: { httpPutResponseHopLimit: 1, minimumInstanceMetadataServiceVersion: 2 },
            encryptionConfiguration: {
                atRestEncryptionConfiguration: {
                    localDiskEncryptionConfiguration: { awsKmsKey: key("2"), encryptionKeyProviderType: "AwsKms" },
                },
            },
        };
        const text = serializeSecurityConfiguration(buildSecurityConfiguration(reordered));
        assert.strictEqual(
            text,
            `{"EncryptionConfiguration":{"EnableInTransitEncryption":false,"EnableAtRestEncryption":true,"AtRestEncryptionConfiguration":{"LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"${key("2")}"}}},"InstanceMetadataServiceConfiguration":{"MinimumInstanceMetadataServiceVersion":2,"HttpPutResponseHopLimit":1}}`,
        );
        assert.deepStrictEqual(validateSecurityConfiguration(text), []);
    });

    it("lists every bad argument at once, by argument path and argument name", () => {
        const problems = problemsOf(() =>
            buildSecurityConfiguration(
                {
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: {
                            s3EncryptionConfiguration: { encryptionMode: "SSE-C" },
                            localDiskEncryptionConfiguration: {
                                encryptionKeyProviderType: "AwsKms",
                                awsKmsKey: "alias/disk",
                                enableEbsEncryption: true,
                            },
                        },
                    },
                    instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 0 },
                    authenticationConfiguration: { kerberosConfiguration: { provider: "clusterDedicatedKdc" } },
                },
                { releaseLabel: "emr-5.20.0" },
            ),
        );
        // Paths are the arguments'; messages keep EMR's key names, and every problem has its code.
        // The alias for the disk key is valid: EMR accepts it (a posture rule advises the key ARN).
        assert.deepStrictEqual(problems, [
            {
                path: "encryptionConfiguration.atRestEncryptionConfiguration.s3EncryptionConfiguration.encryptionMode",
                code: "value-not-allowed",
                message: 'EncryptionMode must be "SSE-S3", "SSE-KMS", "CSE-KMS" or "CSE-Custom"; got "SSE-C"',
            },
            {
                path: "authenticationConfiguration.kerberosConfiguration.provider",
                code: "value-not-allowed",
                message:
                    'Provider must be "ClusterDedicatedKdc" or "ExternalKdc"; got "clusterDedicatedKdc" (values are case-sensitive: did you mean "ClusterDedicatedKdc"?)',
            },
            {
                path: "instanceMetadataServiceConfiguration.httpPutResponseHopLimit",
                code: "out-of-range",
                message: "HttpPutResponseHopLimit must be from 1 to 64; got 0",
            },
            {
                path: "encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.enableEbsEncryption",
                code: "release-too-old",
                message: "EBS encryption needs EMR 5.24.0 and later; emr-5.20.0 does not support it",
            },
            {
                path: "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion",
                code: "release-too-old",
                message:
                    "Requiring IMDSv2 needs EMR 5.23.1, 5.27.1, 5.32.0 and later 5.x, and 6.2.0 and later; emr-5.20.0 does not support it",
            },
        ]);
    });

    it("names unknown arguments and what is allowed in their place", () => {
        const problems = problemsOf(() =>
            buildSecurityConfiguration({
                encryptionConfiguration: { atRestEncryption: {} },
            } as unknown as SecurityConfigurationSpec),
        );
        assert.deepStrictEqual(problems, [
            {
                path: "encryptionConfiguration.atRestEncryption",
                code: "unknown-key",
                message:
                    '"atRestEncryption" is not an argument here; allowed: enableInTransitEncryption, enableAtRestEncryption, inTransitEncryptionConfiguration, atRestEncryptionConfiguration, emrWalEncryptionConfiguration',
            },
        ]);
    });

    it("keeps an explicit enable flag false beside its section, which EMR accepts (emr-encryption-flags advises)", () => {
        const document = buildSecurityConfiguration({
            encryptionConfiguration: {
                enableAtRestEncryption: false,
                atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionMode: "SSE-S3" } },
            },
        });
        assert.strictEqual(document.EncryptionConfiguration?.EnableAtRestEncryption, false);
        assert.deepStrictEqual(document.EncryptionConfiguration?.AtRestEncryptionConfiguration, {
            S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" },
        });
    });

    it("refuses an enable flag true with nothing to enable, naming the argument path and the code", () => {
        const problems = problemsOf(() => buildSecurityConfiguration({ encryptionConfiguration: { enableInTransitEncryption: true } }));
        assert.deepStrictEqual(problems, [
            {
                path: "encryptionConfiguration.inTransitEncryptionConfiguration",
                code: "flag-without-section",
                message: "InTransitEncryptionConfiguration is required when EnableInTransitEncryption is true: there is nothing to enable",
            },
        ]);
    });

    it("reports an empty argument object", () => {
        assert.strictEqual(problemsOf(() => buildSecurityConfiguration({})).length, 1);
    });
});
