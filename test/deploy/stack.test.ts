import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { validateSecurityConfiguration } from "../../policies/model";
import { isKnown, useMocks, valueOf } from "../mocks";

const PROGRAM = path.join(__dirname, "../../deploy/index.ts");
const S3_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
const DISK_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";

/** Runs the root project's program under mocks with the given stack config. */
export async function runProgram(config: Record<string, string>, preview = false) {
    const mocks = await useMocks(preview);
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`emr-security:${k}`, v])));
    delete require.cache[require.resolve(PROGRAM)];
    const outputs = (await import(PROGRAM)) as Record<string, pulumi.Output<string>>;
    await Promise.all(Object.values(outputs).map((o) => isKnown(o)));
    return { mocks, outputs };
}

describe("the deployable stack (Pulumi.yaml)", () => {
    it("deploys a valid, hardened security configuration from stack config", async () => {
        const { mocks, outputs } = await runProgram({
            s3KmsKeyArn: S3_KEY,
            localDiskKmsKeyArn: DISK_KEY,
            certificateS3Object: "s3://certs/emr/certs-1.zip",
        });
        const configuration = mocks.one("aws:emr/securityConfiguration:SecurityConfiguration").inputs.configuration;
        assert.deepStrictEqual(validateSecurityConfiguration(configuration, { releaseLabel: "emr-7.5.0" }), []);
        const document = JSON.parse(configuration);
        assert.strictEqual(document.EncryptionConfiguration.EnableAtRestEncryption, true);
        assert.strictEqual(document.EncryptionConfiguration.EnableInTransitEncryption, true);
        assert.strictEqual(
            document.AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.TicketLifetimeInHours,
            24,
        );
        assert.match((await valueOf(outputs.securityConfigurationName))!, /^emr-security-[0-9a-f]{12}$/);
    });

    it("refuses a KMS alias in config with a message naming the argument", async () => {
        await assert.rejects(
            runProgram({ s3KmsKeyArn: "alias/emr", localDiskKmsKeyArn: DISK_KEY }),
            /encryptionConfiguration\.atRestEncryptionConfiguration\.s3EncryptionConfiguration\.awsKmsKey: awsKmsKey must be a full KMS key ARN/,
        );
    });
});
