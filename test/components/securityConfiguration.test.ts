import * as assert from "assert";
import * as kms from "@pulumi/aws/kms";
import * as pulumi from "@pulumi/pulumi";
import { SecurityConfiguration, SecurityConfigurationArgs } from "../../components/securityConfiguration";
import { securityConfigurationName } from "../../components/naming";
import { validateSecurityConfiguration } from "../../policies/model";
import { isKnown, useMocks, valueOf, withWarnings } from "../mocks";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
const SC_TYPE = "aws:emr/securityConfiguration:SecurityConfiguration";

function args(overrides: Partial<SecurityConfigurationArgs> = {}): SecurityConfigurationArgs {
    return {
        namePrefix: "analytics",
        releaseLabel: "emr-7.5.0",
        encryptionConfiguration: {
            atRestEncryptionConfiguration: {
                s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: KEY },
                localDiskEncryptionConfiguration: { encryptionKeyProviderType: "AwsKms", awsKmsKey: KEY, enableEbsEncryption: true },
            },
        },
        instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 1 },
        ...overrides,
    };
}

const EXPECTED =
    '{"EncryptionConfiguration":{"EnableInTransitEncryption":false,"EnableAtRestEncryption":true,"AtRestEncryptionConfiguration":' +
    `{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-KMS","AwsKmsKey":"${KEY}"},"LocalDiskEncryptionConfiguration":` +
    `{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"${KEY}","EnableEbsEncryption":true}}},` +
    '"InstanceMetadataServiceConfiguration":{"MinimumInstanceMetadataServiceVersion":2,"HttpPutResponseHopLimit":1}}';

/** Builds the component in a fresh mock run and waits for everything it registers. */
async function deploy(preview: boolean, componentArgs: SecurityConfigurationArgs, name = "analytics") {
    const mocks = await useMocks(preview);
    const component = new SecurityConfiguration(name, componentArgs);
    // The name comes from the child, so it settles once the child has registered.
    await isKnown(component.name);
    return { mocks, component };
}

describe("SecurityConfiguration component", () => {
    for (const preview of [false, true]) {
        describe(preview ? "in preview" : "in update", () => {
            it("registers one EMR security configuration with the exact document, named by its hash", async () => {
                const { mocks, component } = await deploy(preview, args());
                const registered = mocks.one(SC_TYPE);
                assert.strictEqual(registered.inputs.configuration, EXPECTED);
                const name = securityConfigurationName("analytics", "emr-security/test/analytics", EXPECTED);
                assert.match(name, /^analytics-[0-9a-f]{12}$/);
                assert.strictEqual(registered.inputs.name, name);
                assert.strictEqual(await valueOf(component.configuration), EXPECTED);
                assert.strictEqual(await valueOf(component.name), name);
                assert.deepStrictEqual(validateSecurityConfiguration(registered.inputs.configuration), []);
            });

            it("registers under the emr-security:index:SecurityConfiguration token, parent of its child", async () => {
                const { mocks } = await deploy(preview, args());
                const component = mocks.one("emr-security:index:SecurityConfiguration");
                assert.strictEqual(mocks.one(SC_TYPE).parent, component.urn);
            });

            it("refuses bad arguments with one error naming each, before registering any child", async () => {
                const mocks = await useMocks(preview);
                const bad = args({
                    namePrefix: "analytics/prod",
                    releaseLabel: "emr-5.20.0",
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: {
                            s3EncryptionConfiguration: { encryptionMode: "SSE-C" },
                            localDiskEncryptionConfiguration: { encryptionKeyProviderType: "Custom", enableEbsEncryption: true },
                        },
                    },
                });
                assert.throws(
                    () => new SecurityConfiguration("bad", bad),
                    (e: Error) => {
                        assert.strictEqual(
                            e.message,
                            [
                                'Invalid arguments for SecurityConfiguration "bad":',
                                '  - namePrefix must be 1 to 100 letters, digits, "-" or "_"; got "analytics/prod"',
                                '  - encryptionConfiguration.atRestEncryptionConfiguration.s3EncryptionConfiguration.encryptionMode: EncryptionMode must be "SSE-S3", "SSE-KMS", "CSE-KMS" or "CSE-Custom"; got "SSE-C"',
                                '  - encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.s3Object: S3Object is required when EncryptionKeyProviderType is "Custom"',
                                '  - encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.encryptionKeyProviderClass: EncryptionKeyProviderClass is required when EncryptionKeyProviderType is "Custom"',
                                '  - encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.enableEbsEncryption: EnableEbsEncryption requires EncryptionKeyProviderType "AwsKms": EMR encrypts EBS volumes only with a KMS key',
                                "  - encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.enableEbsEncryption: EBS encryption needs EMR 5.24.0 and later; emr-5.20.0 does not support it",
                                "  - instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion: Requiring IMDSv2 needs EMR 5.23.1, 5.27.1, 5.32.0 and later 5.x, and 6.2.0 and later; emr-5.20.0 does not support it",
                            ].join("\n"),
                        );
                        return true;
                    },
                );
                assert.deepStrictEqual(mocks.ofType(SC_TYPE), []);
            });
        });
    }

    describe("naming", () => {
        it("keeps the name when nothing changes, and changes it when any field does", async () => {
            const first = await deploy(false, args());
            const again = await deploy(false, args());
            assert.strictEqual(again.mocks.one(SC_TYPE).inputs.name, first.mocks.one(SC_TYPE).inputs.name);
            const changes: Partial<SecurityConfigurationArgs>[] = [
                { instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 2 } },
                {
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: {
                            s3EncryptionConfiguration: { encryptionMode: "CSE-KMS", awsKmsKey: KEY },
                            localDiskEncryptionConfiguration: {
                                encryptionKeyProviderType: "AwsKms",
                                awsKmsKey: KEY,
                                enableEbsEncryption: true,
                            },
                        },
                    },
                },
                { namePrefix: "analytics2" },
            ];
            const names = new Set([first.mocks.one(SC_TYPE).inputs.name]);
            for (const change of changes) {
                const changed = await deploy(false, args(change));
                names.add(changed.mocks.one(SC_TYPE).inputs.name);
            }
            assert.strictEqual(names.size, changes.length + 1);
        });

        it("defaults the prefix to the resource name", async () => {
            const { mocks } = await deploy(false, args({ namePrefix: undefined }), "lake.prod");
            assert.match(mocks.one(SC_TYPE).inputs.name, /^lake-prod-[0-9a-f]{12}$/);
        });
    });

    describe("values known only later", () => {
        /** A configuration whose S3 key is created in the same stack. */
        const withKeyFromTheStack = () => {
            const key = new kms.Key("s3-key", {});
            const component = new SecurityConfiguration(
                "analytics",
                args({
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: { s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: key.arn } },
                    },
                }),
            );
            return { key, component };
        };

        it("neither throws nor registers a wrong document when a key ARN is unknown at preview", async () => {
            const mocks = await useMocks(true);
            const { component } = withKeyFromTheStack();
            assert.strictEqual(await isKnown(component.configuration), false);
            assert.strictEqual(await isKnown(component.name), false);
            const registered = mocks.one(SC_TYPE);
            assert.ok(pulumi.isUnknown(registered.inputs.configuration), "configuration should be unknown");
            assert.ok(pulumi.isUnknown(registered.inputs.name), "name should be unknown");
        });

        it("builds the document from the key ARN once it is known", async () => {
            const mocks = await useMocks(false);
            const { key, component } = withKeyFromTheStack();
            await isKnown(component.name);
            const configuration = JSON.parse((await valueOf(component.configuration))!);
            const arn = await valueOf(key.arn);
            assert.strictEqual(
                configuration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey,
                arn,
            );
            assert.strictEqual(mocks.one(SC_TYPE).inputs.configuration, JSON.stringify(configuration));
        });

        it("fails the deployment, naming the argument, when a later value is bad", async () => {
            await useMocks(false);
            const component = new SecurityConfiguration(
                "analytics",
                args({
                    encryptionConfiguration: {
                        atRestEncryptionConfiguration: {
                            s3EncryptionConfiguration: {
                                encryptionMode: "SSE-KMS",
                                awsKmsKey: pulumi.output("arn:aws:kms:us-east-1:111122223333:key/1234-1234"),
                            },
                        },
                    },
                }),
            );
            await assert.rejects(
                isKnown(component.configuration),
                /encryptionConfiguration\.atRestEncryptionConfiguration\.s3EncryptionConfiguration\.awsKmsKey: AwsKmsKey must name a KMS key: after key\/ comes a key id/,
            );
        });

        it("accepts a key given as an alias or key id, as EMR does, and warns on the component to use the key ARN", async () => {
            await useMocks(false);
            const { result: configuration, warnings } = await withWarnings(async () => {
                const component = new SecurityConfiguration(
                    "analytics",
                    args({
                        encryptionConfiguration: {
                            atRestEncryptionConfiguration: {
                                s3EncryptionConfiguration: { encryptionMode: "SSE-KMS", awsKmsKey: pulumi.output("alias/analytics") },
                                localDiskEncryptionConfiguration: {
                                    encryptionKeyProviderType: "AwsKms",
                                    awsKmsKey: "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02",
                                },
                            },
                        },
                    }),
                );
                return JSON.parse((await valueOf(component.configuration))!);
            });
            assert.strictEqual(
                configuration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey,
                "alias/analytics",
            );
            assert.deepStrictEqual(warnings, [
                'SecurityConfiguration "analytics": encryptionConfiguration.atRestEncryptionConfiguration.s3EncryptionConfiguration.awsKmsKey is an alias name ("alias/analytics"). EMR accepts it, but use the key ARN, so that key-policy checks and cross-account use are exact.',
                'SecurityConfiguration "analytics": encryptionConfiguration.atRestEncryptionConfiguration.localDiskEncryptionConfiguration.awsKmsKey is a bare key id ("0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"). EMR accepts it, but use the key ARN, so that key-policy checks and cross-account use are exact.',
            ]);
        });
    });
});
