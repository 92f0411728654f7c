import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { createPrivateKey, X509Certificate } from "crypto";
import { certificateDnsNames, certificateObjectKey, privateDnsWildcard } from "../../components/certificateFiles";
import { InTransitCertificate, InTransitCertificateArgs } from "../../components/inTransitCertificate";
import { isKnown, isSecret, useMocks, valueOf } from "../mocks";

const KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";

async function deploy(preview: boolean, args: InTransitCertificateArgs) {
    const mocks = await useMocks(preview);
    const certificate = new InTransitCertificate("emr-cert", args);
    await isKnown(certificate.s3Uri);
    return { mocks, certificate };
}

/** The three PEM files of the zip, read back from the archive the component uploads. */
async function zipFiles(certificate: InTransitCertificate): Promise<Record<string, string>> {
    const archive = (await valueOf(certificate.archive)) as pulumi.asset.AssetArchive;
    const assets = (await archive.assets) as Record<string, pulumi.asset.StringAsset>;
    const files: Record<string, string> = {};
    for (const [name, asset] of Object.entries(assets)) {
        files[name] = (await asset.text)!;
    }
    return files;
}

describe("certificate names and keys (pure)", () => {
    it("covers the Region's private DNS wildcard first, then extra names once", () => {
        assert.strictEqual(privateDnsWildcard("us-east-1"), "*.ec2.internal");
        assert.strictEqual(privateDnsWildcard("eu-west-1"), "*.eu-west-1.compute.internal");
        assert.deepStrictEqual(certificateDnsNames("eu-west-1", ["trino.example.com", "*.eu-west-1.compute.internal"]), [
            "*.eu-west-1.compute.internal",
            "trino.example.com",
        ]);
    });
    it("names the zip after the certificate, so a new certificate is a new object", () => {
        const key = certificateObjectKey("emr-tls/", "CERT A");
        assert.match(key, /^emr-tls\/[0-9a-f]{16}\.zip$/);
        assert.strictEqual(certificateObjectKey("emr-tls/", "CERT A"), key);
        assert.notStrictEqual(certificateObjectKey("emr-tls/", "CERT B"), key);
    });
});

describe("InTransitCertificate component", () => {
    it("packs a real certificate for the Region, its matching key and the trust anchor, at the zip's root", async () => {
        const { mocks, certificate } = await deploy(false, {
            region: "us-east-1",
            extraDnsNames: ["trino.analytics.example.com"],
            organization: "Acme",
        });
        const files = await zipFiles(certificate);
        assert.deepStrictEqual(Object.keys(files).sort(), ["certificateChain.pem", "privateKey.pem", "trustedCertificates.pem"]);
        const x509 = new X509Certificate(files["certificateChain.pem"]);
        assert.strictEqual(x509.subjectAltName, "DNS:*.ec2.internal, DNS:trino.analytics.example.com");
        assert.match(x509.subject, /CN=\*\.ec2\.internal/);
        assert.match(x509.subject, /O=Acme/);
        assert.ok(x509.checkPrivateKey(createPrivateKey(files["privateKey.pem"])), "the key matches the certificate");
        assert.strictEqual(createPrivateKey(files["privateKey.pem"]).asymmetricKeyDetails?.modulusLength, 2048);
        const days = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86400000;
        assert.ok(Math.abs(days - 365) < 1, `valid for ${days} days`);
        assert.strictEqual(files["trustedCertificates.pem"], files["certificateChain.pem"]);
        assert.strictEqual(await valueOf(certificate.certificatePem), files["certificateChain.pem"]);

        const cert = mocks.one("tls:index/selfSignedCert:SelfSignedCert");
        assert.strictEqual(cert.inputs.validityPeriodHours, 8760);
        assert.strictEqual(cert.inputs.earlyRenewalHours, 720);
        assert.deepStrictEqual(mocks.one("tls:index/privateKey:PrivateKey").inputs, { algorithm: "RSA", rsaBits: 2048 });
    });

    it("covers the compute.internal wildcard outside us-east-1, with the Region from the provider", async () => {
        const { certificate } = await deploy(false, {});
        assert.strictEqual(new X509Certificate((await zipFiles(certificate))["certificateChain.pem"]).subjectAltName, "DNS:*.ec2.internal");
        const other = await deploy(false, {
            region: "ap-southeast-2",
            keyAlgorithm: "ECDSA",
            ecdsaCurve: "P384",
            validityHours: 720,
            earlyRenewalHours: 72,
        });
        const files = await zipFiles(other.certificate);
        const x509 = new X509Certificate(files["certificateChain.pem"]);
        assert.strictEqual(x509.subjectAltName, "DNS:*.ap-southeast-2.compute.internal");
        assert.strictEqual(createPrivateKey(files["privateKey.pem"]).asymmetricKeyDetails?.namedCurve, "secp384r1");
        assert.ok(x509.checkPrivateKey(createPrivateKey(files["privateKey.pem"])));
    });

    it("uploads the zip under a key named by the certificate to a hardened bucket, after hardening it", async () => {
        const { mocks, certificate } = await deploy(false, { region: "us-east-1", kmsKeyArn: KMS_KEY });
        const bucket = mocks.one("aws:s3/bucket:Bucket");
        const bucketName = await valueOf(certificate.bucketName);
        assert.strictEqual(bucket.retainOnDelete, true);
        // What protects the kept bucket is kept with it.
        for (const hardening of [
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketVersioning:BucketVersioning",
            "aws:s3/bucketPolicy:BucketPolicy",
        ]) {
            assert.strictEqual(mocks.one(hardening).retainOnDelete, true, hardening);
        }
        assert.deepStrictEqual(mocks.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs, {
            bucket: bucketName,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepStrictEqual(mocks.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
        assert.deepStrictEqual(
            mocks.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS_KEY }, bucketKeyEnabled: true }],
        );
        assert.deepStrictEqual(mocks.one("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration, { status: "Enabled" });
        const policy = JSON.parse(mocks.one("aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
        assert.deepStrictEqual(policy.Statement[0], {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        assert.deepStrictEqual(policy.Statement[1].Condition, { NumericLessThan: { "s3:TlsVersion": "1.2" } });

        const zip = mocks.one("aws:s3/bucketObjectv2:BucketObjectv2");
        const expectedKey = certificateObjectKey("emr-tls/", (await valueOf(certificate.certificatePem))!);
        assert.strictEqual(zip.inputs.key, expectedKey);
        assert.strictEqual(zip.inputs.contentType, "application/zip");
        assert.strictEqual(await valueOf(certificate.s3Uri), `s3://${bucketName}/${expectedKey}`);
        const hardening = mocks.registered.filter(
            (r) => r.type.startsWith("aws:s3/bucket") && !["aws:s3/bucket:Bucket", "aws:s3/bucketObjectv2:BucketObjectv2"].includes(r.type),
        );
        assert.strictEqual(hardening.length, 5);
        for (const resource of hardening) {
            assert.ok(zip.dependencies?.includes(resource.urn), `the zip is uploaded after ${resource.name}`);
        }
    });

    it("encrypts the created bucket with SSE-S3 when no key is given", async () => {
        const { mocks } = await deploy(false, { region: "us-east-1" });
        assert.deepStrictEqual(
            mocks.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        );
    });

    it("keeps the private key and the archive secret", async () => {
        const { certificate } = await deploy(false, { region: "us-east-1" });
        assert.strictEqual(await isSecret(certificate.privateKeyPem), true);
        assert.strictEqual(await isSecret(certificate.archive), true);
        assert.strictEqual(await isSecret(certificate.certificatePem), false);
        assert.strictEqual(await isSecret(certificate.s3Uri), false);
    });

    it("packs a certificate the user brings, into the user's bucket, creating nothing else", async () => {
        const generated = await deploy(false, { region: "us-east-1" });
        const files = await zipFiles(generated.certificate);
        const { mocks, certificate } = await deploy(false, {
            certificateChainPem: files["certificateChain.pem"],
            privateKeyPem: pulumi.secret(files["privateKey.pem"]),
            trustedCertificatesPem: files["trustedCertificates.pem"],
            bucketName: "corp-emr-certs",
        });
        assert.deepStrictEqual(
            mocks.registered.map((r) => r.type),
            ["emr-security:index:InTransitCertificate", "aws:s3/bucketObjectv2:BucketObjectv2"],
        );
        assert.deepStrictEqual(await zipFiles(certificate), files);
        assert.match((await valueOf(certificate.s3Uri))!, /^s3:\/\/corp-emr-certs\/emr-tls\/[0-9a-f]{16}\.zip$/);
    });

    it("sets parent on every child", async () => {
        const { mocks } = await deploy(false, { region: "us-east-1" });
        const component = mocks.one("emr-security:index:InTransitCertificate");
        const orphans = mocks.registered.filter(
            (r) => r !== component && r.parent !== component.urn && !r.parent?.includes("$aws:s3/bucket:Bucket"),
        );
        assert.deepStrictEqual(orphans, []);
        assert.strictEqual(mocks.childrenOf(component).length, 9);
    });

    it("does not throw in preview, where the key, certificate and bucket are unknown", async () => {
        const { mocks, certificate } = await deploy(true, { region: "us-east-1" });
        assert.strictEqual(await isKnown(certificate.s3Uri), false);
        assert.strictEqual(await isKnown(certificate.archive), false);
        assert.strictEqual(mocks.ofType("aws:s3/bucketObjectv2:BucketObjectv2").length, 1);
    });

    it("refuses weak or contradictory arguments with one error naming each", async () => {
        const mocks = await useMocks(false);
        assert.throws(
            () =>
                new InTransitCertificate("bad", {
                    region: "US East",
                    rsaBits: 1024,
                    validityHours: 100000,
                    earlyRenewalHours: -1,
                    extraDnsNames: ["not a name"],
                    kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/not-a-key",
                }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for InTransitCertificate "bad":',
                        "  - rsaBits must be 2048, 3072 or 4096 (smaller RSA keys are refused); got 1024",
                        "  - validityHours must be a whole number from 24 to 43800; got 100000",
                        "  - earlyRenewalHours must be a whole number from 0 to 99999; got -1",
                        '  - region must be an AWS Region such as us-east-1; got "US East"',
                        '  - extraDnsNames[0] must be a DNS name such as corp.example.com (without a leading *.); got "not a name"',
                        '  - kmsKeyArn must name a KMS key: after key/ comes a key id (a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk-<32 hex digits>); got "arn:aws:kms:us-east-1:111122223333:key/not-a-key"',
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.throws(
            () => new InTransitCertificate("half", { certificateChainPem: "PEM", rsaBits: 4096 }),
            /certificateChainPem and privateKeyPem must be given together[\s\S]*rsaBits applies to a generated certificate/,
        );
        assert.deepStrictEqual(
            mocks.registered.filter((r) => !r.type.startsWith("emr-security")),
            [],
        );
    });
});
