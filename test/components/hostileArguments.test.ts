/**
 * Arguments an attacker or a careless user would give the components: each is refused with the
 * argument's path, or held to its context, never taken as a weaker default.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InTransitCertificate } from "../../components/inTransitCertificate";
import { Kerberos } from "../../components/kerberos";
import { KmsKey } from "../../components/kmsKey";
import { SecureEmrBaseline, SecureEmrBaselineArgs } from "../../components/secureEmrBaseline";
import { SecurityConfiguration } from "../../components/securityConfiguration";
import { ACCOUNT, BASELINE_ARGS, isKnown, role, useMocks, valueOf } from "../mocks";

const BASE: SecureEmrBaselineArgs = BASELINE_ARGS;

function thrown(f: () => unknown): string {
    try {
        f();
    } catch (e) {
        return (e as Error).message;
    }
    assert.fail("expected an error");
}

describe("components given hostile or careless arguments", () => {
    beforeEach(() => useMocks(false));

    it('SecureEmrBaseline takes only booleans for its switches: null, 0, "" and "false" never turn a protection off', () => {
        const message = thrown(
            () =>
                new SecureEmrBaseline("emr", {
                    ...BASE,
                    inTransitEncryption: null,
                    requireImdsV2: "",
                    separateKeys: 0,
                    protectKeys: "false",
                    enableEbsEncryption: NaN,
                } as unknown as SecureEmrBaselineArgs),
        );
        for (const [option, shown] of [
            ["separateKeys", "0"],
            ["enableEbsEncryption", "NaN"],
            ["inTransitEncryption", "null"],
            ["requireImdsV2", '""'],
            ["protectKeys", '"false"'],
        ]) {
            assert.ok(
                message.includes(`  - ${option} must be true or false (a boolean), or left unset for its default; got ${shown}`),
                `${option} in:\n${message}`,
            );
        }
    });

    it("holds role and key ARNs to the partition the stack deploys to", () => {
        const message = thrown(
            () =>
                new SecureEmrBaseline("emr", {
                    ...BASE,
                    instanceProfileRoleArn: `arn:aws-cn:iam::${ACCOUNT}:role/EMR_EC2_DefaultRole`,
                }),
        );
        assert.match(message, /instanceProfileRoleArn is in partition "aws-cn", but partition is "aws"/);
        const key = thrown(() => new KmsKey("k", { partition: "aws-us-gov", accountId: ACCOUNT, keyUserRoleArns: [role("r")] }));
        assert.match(key, /keyUserRoleArns\[0\] is in partition "aws", but partition is "aws-us-gov"/);
    });

    it("says what non-finite numbers are, instead of null", () => {
        const message = thrown(() => new SecureEmrBaseline("emr", { ...BASE, imdsHopLimit: Infinity, keyDeletionWindowInDays: NaN }));
        assert.match(message, /imdsHopLimit must be a whole number from 1 to 64; got Infinity/);
        assert.match(message, /keyDeletionWindowInDays must be a whole number from 7 to 30; got NaN/);
    });

    it("names null arguments and null nested arguments, rather than failing with a TypeError", () => {
        for (const construct of [
            () => new SecureEmrBaseline("emr", null as never),
            () => new SecurityConfiguration("sc", null as never),
            () => new KmsKey("k", null as never),
            () => new InTransitCertificate("c", null as never),
            () => new Kerberos("k", null as never),
        ]) {
            assert.match(thrown(construct), /\(arguments\): the arguments must be an object; got null/);
        }
        assert.match(
            thrown(() => new SecureEmrBaseline("emr", { ...BASE, kerberos: null } as never)),
            /kerberos must be an object, or left unset; got null/,
        );
    });

    it("reports a bad release label together with every other problem, at once", () => {
        const message = thrown(() => new SecureEmrBaseline("emr", { ...BASE, releaseLabel: "emr-5.20.0", imdsHopLimit: 0 }));
        assert.match(message, /imdsHopLimit must be a whole number from 1 to 64; got 0/);
        assert.match(message, /Requiring IMDSv2 needs EMR 5\.23\.1/);
    });

    it("derives a valid name prefix from any resource name, such as lake.prod", async () => {
        const baseline = new SecureEmrBaseline("lake.prod", BASE);
        assert.match((await valueOf(baseline.securityConfigurationName))!, /^lake-prod-[0-9a-f]{12}$/);
    });

    it("with separateKeys false and a brought S3 key, uses that one key for disks too, creating none", async () => {
        const mocks = await useMocks(false);
        const brought = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01`;
        const baseline = new SecureEmrBaseline("emr", { ...BASE, separateKeys: false, s3KmsKeyArn: brought });
        assert.strictEqual(await valueOf(baseline.localDiskKmsKeyArn), brought);
        await isKnown(baseline.configuration);
        assert.deepStrictEqual(mocks.ofType("aws:kms/key:Key"), []);
    });

    it("re-checks a password that arrives as an output when it resolves", async () => {
        const kerberos = new Kerberos("k", { realm: "EC2.INTERNAL", kdcAdminPassword: pulumi.output("") });
        await assert.rejects(isKnown(kerberos.clusterAttributes), /kdcAdminPassword must be a string of 1 to 256 characters/);
    });

    it("fails the registration, naming the argument, when a Region output resolves to something that is not a Region", async () => {
        const mocks = await useMocks(false);
        // A failed registration surfaces as an uncaught error, which Pulumi's runtime reports: catch
        // it here instead of letting the test runner take it for a crash.
        const exceptionListeners = process.listeners("uncaughtException");
        const rejectionListeners = process.listeners("unhandledRejection");
        process.removeAllListeners("uncaughtException");
        process.removeAllListeners("unhandledRejection");
        const errors: Error[] = [];
        process.on("uncaughtException", (e) => errors.push(e));
        process.on("unhandledRejection", (e) => errors.push(e as Error));
        try {
            new InTransitCertificate("c", { region: pulumi.output("NOT A REGION") });
            for (let tries = 0; tries < 100 && errors.length === 0; tries++) {
                await new Promise((resolve) => setTimeout(resolve, 10));
            }
            assert.match(errors[0]?.message ?? "no error", /region must be an AWS Region such as us-east-1; got "NOT A REGION"/);
            assert.deepStrictEqual(
                mocks.ofType("tls:index/selfSignedCert:SelfSignedCert"),
                [],
                "no certificate for a name that is not one",
            );
        } finally {
            process.removeAllListeners("uncaughtException");
            process.removeAllListeners("unhandledRejection");
            exceptionListeners.forEach((listener) => process.on("uncaughtException", listener));
            rejectionListeners.forEach((listener) => process.on("unhandledRejection", listener));
        }
    });

    it("refuses a brought certificate or key that is not PEM, or empty, without echoing it, and a key prefix beyond S3's limit", () => {
        const message = thrown(
            () =>
                new InTransitCertificate("c", {
                    certificateChainPem: "",
                    privateKeyPem: "not a key at all, but maybe a secret",
                    objectKeyPrefix: "é".repeat(600),
                }),
        );
        assert.match(message, /certificateChainPem must be PEM text holding a CERTIFICATE block .*; got 0 characters without one/);
        assert.match(message, /privateKeyPem must be PEM text holding a PRIVATE KEY block .*; got 36 characters without one/);
        assert.ok(!message.includes("maybe a secret"), "the key was echoed");
        assert.match(message, /objectKeyPrefix is 1200 bytes; with the zip's name \(20 bytes\) it must fit S3's 1024-byte key limit/);
    });
});
