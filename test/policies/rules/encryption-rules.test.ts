import * as assert from "assert";
import { emrAtRestEncryption } from "../../../policies/rules/emr-at-rest-encryption";
import { emrEbsEncryption } from "../../../policies/rules/emr-ebs-encryption";
import { emrInTransitEncryption } from "../../../policies/rules/emr-in-transit-encryption";
import { emrLocalDiskEncryption } from "../../../policies/rules/emr-local-disk-encryption";
import { emrS3Encryption } from "../../../policies/rules/emr-s3-encryption";
import { emrSeparateKmsKeys } from "../../../policies/rules/emr-separate-kms-keys";
import { findings, flagVariants, KEY_DISK, KEY_S3, messages, mutated, securityConfigurations, UNKNOWN } from "../helpers";

const AT_REST = ["EncryptionConfiguration", "EnableAtRestEncryption"];
const S3 = (d: Record<string, any>) => d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration;
const DISK = (d: Record<string, any>) => d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration;
const TLS = (d: Record<string, any>) => d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration;

/** The one message a rule gives for a document, the same for both resource shapes. */
async function only(
    rule: Parameters<typeof messages>[0],
    document: unknown,
    config?: Record<string, unknown>,
): Promise<string | undefined> {
    const [classic, native] = await Promise.all(securityConfigurations(document).map((r) => messages(rule, r, { config })));
    assert.deepStrictEqual(classic, native);
    assert.ok(classic.length <= 1, JSON.stringify(classic));
    return classic[0];
}

describe("emr-at-rest-encryption", () => {
    const expected: Record<string, string> = {
        missing: "EncryptionConfiguration.EnableAtRestEncryption is not set, which EMR treats as false",
        false: "EncryptionConfiguration.EnableAtRestEncryption is false",
        'the string "true"': 'EncryptionConfiguration.EnableAtRestEncryption is the string "true", not a JSON boolean',
        'the string "false"': 'EncryptionConfiguration.EnableAtRestEncryption is the string "false", not a JSON boolean',
        "in the wrong case":
            'EncryptionConfiguration.EnableAtRestEncryption is not set, which EMR treats as false (there is a key "enableAtRestEncryption", but keys are case-sensitive and EMR rejects it)',
        null: "EncryptionConfiguration.EnableAtRestEncryption is null, not the JSON boolean true",
        "the number 1": "EncryptionConfiguration.EnableAtRestEncryption is the number 1, not the JSON boolean true",
    };
    for (const [what, mutate] of flagVariants(AT_REST)) {
        it(`Noncompliance: the flag ${what}`, async () => {
            assert.strictEqual(
                await only(emrAtRestEncryption, mutated(mutate)),
                `At-rest encryption is off: ${expected[what]}. Set it to true (a JSON boolean) with an AtRestEncryptionConfiguration.`,
            );
        });
    }
    it("Noncompliance: the whole EncryptionConfiguration in the wrong case", async () => {
        const document = { encryptionConfiguration: hardenedEncryption() };
        assert.match((await only(emrAtRestEncryption, document))!, /there is a key "encryptionConfiguration", but keys are case-sensitive/);
    });
    it("Compliance: the flag true", async () =>
        assert.strictEqual(
            await only(
                emrAtRestEncryption,
                mutated(() => undefined),
            ),
            undefined,
        ));
});

function hardenedEncryption(): Record<string, any> {
    return mutated(() => undefined).EncryptionConfiguration;
}

describe("emr-s3-encryption", () => {
    it("Compliance: SSE-KMS and CSE-KMS with full key ARNs, overrides included", async () => {
        assert.strictEqual(
            await only(
                emrS3Encryption,
                mutated((d) => (S3(d).EncryptionMode = "CSE-KMS")),
            ),
            undefined,
        );
        const overrides = mutated((d) => (S3(d).Overrides = [{ BucketName: "pii", EncryptionMode: "CSE-KMS", AwsKmsKey: KEY_DISK }]));
        assert.strictEqual(await only(emrS3Encryption, overrides), undefined);
    });
    it("Compliance: SSE-KMS with an alias ARN, an alias name or a key id is KMS encryption (EMR accepts them; emr-kms-key-reference advises)", async () => {
        for (const key of ["arn:aws:kms:us-east-1:111122223333:alias/emr", "alias/emr", "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"]) {
            assert.strictEqual(
                await only(
                    emrS3Encryption,
                    mutated((d) => (S3(d).AwsKmsKey = key)),
                ),
                undefined,
                key,
            );
        }
    });
    const cases: [string, (d: Record<string, any>) => void, string][] = [
        [
            "SSE-S3",
            (d) => (S3(d).EncryptionMode = "SSE-S3"),
            'S3EncryptionConfiguration has EncryptionMode "SSE-S3"; allowed: "SSE-KMS" or "CSE-KMS" (case-sensitive).',
        ],
        [
            "a lower-case mode",
            (d) => (S3(d).EncryptionMode = "sse-kms"),
            'S3EncryptionConfiguration has EncryptionMode "sse-kms"; allowed: "SSE-KMS" or "CSE-KMS" (case-sensitive).',
        ],
        [
            "a key ARN whose id names no key",
            (d) => (S3(d).AwsKmsKey = "arn:aws:kms:us-east-1:111122223333:key/1234-1234"),
            "S3EncryptionConfiguration uses SSE-KMS but has an AwsKmsKey that names no KMS key. Give the key's ARN (arn:aws:kms:<region>:<account>:key/<id>).",
        ],
        [
            "no key",
            (d) => delete S3(d).AwsKmsKey,
            "S3EncryptionConfiguration uses SSE-KMS but has no AwsKmsKey. Give the key's ARN (arn:aws:kms:<region>:<account>:key/<id>).",
        ],
        [
            "an override that weakens to SSE-S3",
            (d) => (S3(d).Overrides = [{ BucketName: "public-data", EncryptionMode: "SSE-S3" }]),
            'Override 0 for bucket public-data has EncryptionMode "SSE-S3"; allowed: "SSE-KMS" or "CSE-KMS" (case-sensitive).',
        ],
        [
            "no S3 section",
            (d) => delete d.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration,
            'AtRestEncryptionConfiguration has no S3EncryptionConfiguration, so EMR does not encrypt EMRFS data in S3. Add one with EncryptionMode "SSE-KMS" or "CSE-KMS".',
        ],
        [
            "at-rest encryption off",
            (d) => (d.EncryptionConfiguration.EnableAtRestEncryption = "false"),
            'At-rest encryption is off: EncryptionConfiguration.EnableAtRestEncryption is the string "false", not a JSON boolean. Set it to true (a JSON boolean) with an AtRestEncryptionConfiguration.',
        ],
    ];
    for (const [what, mutate, message] of cases) {
        it(`Noncompliance: ${what}`, async () => assert.strictEqual(await only(emrS3Encryption, mutated(mutate)), message));
    }
    it("Compliance: SSE-S3 when the config allows it", async () => {
        const document = mutated((d) => (S3(d).EncryptionMode = "SSE-S3"));
        assert.strictEqual(
            await only(emrS3Encryption, document, { "emr-s3-encryption": { allowedModes: ["SSE-S3", "SSE-KMS"] } }),
            undefined,
        );
    });
    it("fails the substring trick that fools peers: an SSE-S3 document mentioning SSE-KMS elsewhere", async () => {
        const document = mutated((d) => {
            S3(d).EncryptionMode = "SSE-S3";
            delete S3(d).AwsKmsKey;
            S3(d).Overrides = [{ BucketName: "sse-kms-archive", EncryptionMode: "SSE-KMS", AwsKmsKey: KEY_S3 }];
        });
        assert.match((await only(emrS3Encryption, document))!, /has EncryptionMode "SSE-S3"/);
    });
});

describe("emr-local-disk-encryption", () => {
    const cases: [string, (d: Record<string, any>) => void, string | undefined, Record<string, unknown>?][] = [
        ["Compliance: AwsKms with a key ARN", () => undefined, undefined],
        [
            "Compliance: Custom with jar and class",
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration = {
                    EncryptionKeyProviderType: "Custom",
                    S3Object: "s3://providers/disk.jar",
                    EncryptionKeyProviderClass: "com.acme.Disk",
                }),
            undefined,
        ],
        [
            "Noncompliance: Custom when the config forbids it",
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration = {
                    EncryptionKeyProviderType: "Custom",
                    S3Object: "s3://providers/disk.jar",
                    EncryptionKeyProviderClass: "com.acme.Disk",
                }),
            'LocalDiskEncryptionConfiguration uses a Custom key provider, which this policy does not allow. Use EncryptionKeyProviderType "AwsKms" with a KMS key.',
            { "emr-local-disk-encryption": { allowCustomProvider: false } },
        ],
        [
            "Noncompliance: Custom without its jar",
            (d) =>
                (d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration = {
                    EncryptionKeyProviderType: "Custom",
                    EncryptionKeyProviderClass: "com.acme.Disk",
                }),
            "LocalDiskEncryptionConfiguration uses a Custom key provider without a valid S3Object jar and EncryptionKeyProviderClass. Add both, or use AwsKms.",
        ],
        [
            "Compliance: a key id, which KMS resolves (emr-kms-key-reference advises the ARN)",
            (d) => (DISK(d).AwsKmsKey = "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"),
            undefined,
        ],
        ["Compliance: an alias ARN", (d) => (DISK(d).AwsKmsKey = "arn:aws:kms:us-east-1:111122223333:alias/emr-disk"), undefined],
        [
            "Noncompliance: a key ARN whose id names no key",
            (d) => (DISK(d).AwsKmsKey = "arn:aws:kms:us-east-1:111122223333:key/disk"),
            "LocalDiskEncryptionConfiguration uses AwsKms but its AwsKmsKey names no KMS key. Give the key's ARN.",
        ],
        [
            "Noncompliance: a provider in the wrong case",
            (d) => (DISK(d).EncryptionKeyProviderType = "awskms"),
            'LocalDiskEncryptionConfiguration has EncryptionKeyProviderType "awskms"; EMR accepts "AwsKms" or "Custom" (case-sensitive).',
        ],
        [
            "Noncompliance: no local-disk section",
            (d) => delete d.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration,
            'AtRestEncryptionConfiguration has no LocalDiskEncryptionConfiguration, so EMR does not encrypt the nodes\' local disks. Add one with EncryptionKeyProviderType "AwsKms" and a KMS key ARN.',
        ],
    ];
    for (const [what, mutate, message, config] of cases) {
        it(what, async () => assert.strictEqual(await only(emrLocalDiskEncryption, mutated(mutate), config), message));
    }
});

describe("emr-ebs-encryption", () => {
    for (const [what, mutate] of flagVariants([
        "EncryptionConfiguration",
        "AtRestEncryptionConfiguration",
        "LocalDiskEncryptionConfiguration",
        "EnableEbsEncryption",
    ])) {
        it(`Noncompliance: EnableEbsEncryption ${what}`, async () => {
            assert.match(
                (await only(emrEbsEncryption, mutated(mutate)))!,
                /^EBS encryption is off: EncryptionConfiguration\.AtRestEncryptionConfiguration\.LocalDiskEncryptionConfiguration\.EnableEbsEncryption /,
            );
        });
    }
    it("Noncompliance: EBS encryption with a Custom provider", async () => {
        const [first, second] = await messages(
            emrEbsEncryption,
            securityConfigurations(mutated((d) => (DISK(d).EncryptionKeyProviderType = "Custom")))[0],
        );
        assert.strictEqual(first, 'EBS encryption needs EncryptionKeyProviderType "AwsKms"; it is "Custom".');
        assert.strictEqual(second, undefined);
    });
    it("Compliance: EnableEbsEncryption true with AwsKms", async () =>
        assert.strictEqual(
            await only(
                emrEbsEncryption,
                mutated(() => undefined),
            ),
            undefined,
        ));
});

describe("emr-in-transit-encryption", () => {
    for (const [what, mutate] of flagVariants(["EncryptionConfiguration", "EnableInTransitEncryption"])) {
        it(`Noncompliance: EnableInTransitEncryption ${what}`, async () => {
            assert.match(
                (await only(emrInTransitEncryption, mutated(mutate)))!,
                /^In-transit encryption is off: EncryptionConfiguration\.EnableInTransitEncryption /,
            );
        });
    }
    const cases: [string, (d: Record<string, any>) => void, string | undefined, Record<string, unknown>?][] = [
        ["Compliance: PEM with a zip", () => undefined, undefined],
        [
            "Compliance: EMR-managed certificates",
            (d) =>
                (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration = {
                    CertificateProviderType: "EMR",
                }),
            undefined,
        ],
        [
            "Noncompliance: the flag alone, without a certificate configuration",
            (d) => delete d.EncryptionConfiguration.InTransitEncryptionConfiguration,
            "In-transit encryption is on but there is no InTransitEncryptionConfiguration.TLSCertificateConfiguration: EMR has no certificates to use. Add one.",
        ],
        [
            "Noncompliance: PEM without S3Object",
            (d) => delete TLS(d).S3Object,
            "TLSCertificateConfiguration uses PEM without a valid S3Object: give the s3:// location (or S3 ARN) of the certificate .zip.",
        ],
        [
            "Noncompliance: Custom without a class",
            (d) => Object.assign(TLS(d), { CertificateProviderType: "Custom", S3Object: "s3://providers/tls.jar" }),
            "TLSCertificateConfiguration uses a Custom provider without a valid S3Object .jar and CertificateProviderClass. Add both.",
        ],
        [
            "Noncompliance: a provider the config does not allow",
            (d) =>
                (d.EncryptionConfiguration.InTransitEncryptionConfiguration.TLSCertificateConfiguration = {
                    CertificateProviderType: "EMR",
                }),
            'TLSCertificateConfiguration has CertificateProviderType "EMR"; allowed: "PEM" or "Custom" (case-sensitive).',
            { "emr-in-transit-encryption": { allowedProviders: ["PEM", "Custom"] } },
        ],
        [
            "Noncompliance: a provider in the wrong case",
            (d) => (TLS(d).CertificateProviderType = "pem"),
            'TLSCertificateConfiguration has CertificateProviderType "pem"; allowed: "PEM", "Custom" or "EMR" (case-sensitive).',
        ],
    ];
    for (const [what, mutate, message, config] of cases) {
        it(what, async () => assert.strictEqual(await only(emrInTransitEncryption, mutated(mutate), config), message));
    }
});

describe("emr-separate-kms-keys", () => {
    it("Noncompliance: one key for S3 and disks", async () => {
        assert.strictEqual(
            await only(
                emrSeparateKmsKeys,
                mutated((d) => (DISK(d).AwsKmsKey = KEY_S3)),
            ),
            `The local-disk key ${KEY_S3} also encrypts S3 data. Use a separate key for local disks.`,
        );
    });
    it("Noncompliance: the disk key reused by a per-bucket override", async () => {
        const document = mutated((d) => (S3(d).Overrides = [{ BucketName: "pii", EncryptionMode: "SSE-KMS", AwsKmsKey: KEY_DISK }]));
        assert.match((await only(emrSeparateKmsKeys, document))!, /also encrypts S3 data/);
    });
    it("is not applicable without KMS keys on both sides", async () => {
        assert.deepStrictEqual(await findings(emrSeparateKmsKeys, securityConfigurations(mutated((d) => delete DISK(d).AwsKmsKey))), []);
    });
    it("reads only the two keys: an unknown elsewhere does not stop it at preview", async () => {
        const document = mutated((d) => {
            DISK(d).AwsKmsKey = KEY_S3;
            TLS(d).S3Object = UNKNOWN;
        });
        const found = await findings(emrSeparateKmsKeys, securityConfigurations(document).slice(1), { preview: true });
        assert.deepStrictEqual(
            found.map((f) => f.level),
            ["advisory"],
        );
        assert.match(found[0].message, /also encrypts S3 data/);
    });
});
