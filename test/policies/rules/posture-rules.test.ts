/**
 * The posture rules for what EMR accepts but advice frowns on: advisory by default, each firing on
 * its case and nowhere else, and none of them a validity problem.
 */
import * as assert from "assert";
import { validateSecurityConfiguration } from "../../../policies/model";
import { emrEncryptionFlags } from "../../../policies/rules/emr-encryption-flags";
import { emrIdentityCenterAssignmentKey } from "../../../policies/rules/emr-identity-center-assignment-key";
import { emrKmsKeyReference } from "../../../policies/rules/emr-kms-key-reference";
import { findings, hardened, messages, mutated, securityConfigurations } from "../helpers";

const AT_REST = (d: Record<string, any>) => d.EncryptionConfiguration.AtRestEncryptionConfiguration;

function identityCenter(extra: Record<string, unknown>): Record<string, any> {
    return mutated(
        (d) =>
            (d.AuthenticationConfiguration = {
                IdentityCenterConfiguration: {
                    EnableIdentityCenter: true,
                    IAMRoleForEMRIdentityCenterApplicationARN: "arn:aws:iam::111122223333:role/idc",
                    ...extra,
                },
            }),
    );
}

describe("posture rules", () => {
    for (const rule of [emrKmsKeyReference, emrEncryptionFlags, emrIdentityCenterAssignmentKey]) {
        it(`${rule.name} is advisory by default, and silent on the hardened document`, async () => {
            assert.strictEqual(rule.enforcementLevel, "advisory");
            assert.deepStrictEqual(await findings(rule, securityConfigurations(hardened())), []);
        });
    }

    describe("emr-kms-key-reference", () => {
        it("Noncompliance: an alias ARN, an alias name and a key id, each named with the fix", async () => {
            const document = mutated((d) => {
                AT_REST(d).S3EncryptionConfiguration.AwsKmsKey = "arn:aws:kms:us-east-1:111122223333:alias/emr-s3";
                AT_REST(d).S3EncryptionConfiguration.Overrides = [{ BucketName: "pii", EncryptionMode: "SSE-KMS", AwsKmsKey: "alias/pii" }];
                AT_REST(d).LocalDiskEncryptionConfiguration.AwsKmsKey = "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";
            });
            assert.deepStrictEqual(validateSecurityConfiguration(document), [], "valid for EMR");
            const [classic] = securityConfigurations(document);
            assert.deepStrictEqual(await messages(emrKmsKeyReference, classic), [
                '/EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration/AwsKmsKey names its key by an alias ARN ("arn:aws:kms:us-east-1:111122223333:alias/emr-s3"). Use the key ARN, so that key-policy checks and cross-account use are exact: emr-kms-key-policy finds the key only through an alias or key of this stack.',
                '/EncryptionConfiguration/AtRestEncryptionConfiguration/S3EncryptionConfiguration/Overrides/0/AwsKmsKey names its key by an alias name ("alias/pii"). Use the key ARN, so that key-policy checks and cross-account use are exact: emr-kms-key-policy finds the key only through an alias or key of this stack.',
                '/EncryptionConfiguration/AtRestEncryptionConfiguration/LocalDiskEncryptionConfiguration/AwsKmsKey names its key by a bare key id ("0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02"). Use the key ARN, so that key-policy checks and cross-account use are exact: emr-kms-key-policy finds the key only through an alias or key of this stack.',
            ]);
        });

        it("Compliance: key ARNs; not applicable without keys", async () => {
            const [classic] = securityConfigurations(
                mutated((d) => {
                    d.EncryptionConfiguration.EnableAtRestEncryption = false;
                    delete d.EncryptionConfiguration.AtRestEncryptionConfiguration;
                }),
            );
            assert.deepStrictEqual(await messages(emrKmsKeyReference, classic), []);
        });
    });

    describe("emr-encryption-flags", () => {
        it("Noncompliance: a section with its flag false, and one with its flag missing", async () => {
            const document = mutated((d) => {
                d.EncryptionConfiguration.EnableAtRestEncryption = false;
                delete d.EncryptionConfiguration.EnableInTransitEncryption;
            });
            assert.deepStrictEqual(validateSecurityConfiguration(document), [], "valid for EMR");
            const [classic] = securityConfigurations(document);
            assert.deepStrictEqual(await messages(emrEncryptionFlags, classic), [
                "EncryptionConfiguration.AtRestEncryptionConfiguration is present but EnableAtRestEncryption is false, so EMR ignores the section. Set EnableAtRestEncryption to true, or remove the section.",
                "EncryptionConfiguration.InTransitEncryptionConfiguration is present but EnableInTransitEncryption is missing (EMR assumes false), so EMR ignores the section. Set EnableInTransitEncryption to true, or remove the section.",
            ]);
        });

        it("Compliance: a flag false without its section says what it means; a string flag is left to the validity rule", async () => {
            const off = mutated((d) => {
                d.EncryptionConfiguration.EnableInTransitEncryption = false;
                delete d.EncryptionConfiguration.InTransitEncryptionConfiguration;
            });
            assert.deepStrictEqual(await messages(emrEncryptionFlags, securityConfigurations(off)[0]), []);
            const text = mutated((d) => (d.EncryptionConfiguration.EnableAtRestEncryption = "true"));
            assert.deepStrictEqual(await messages(emrEncryptionFlags, securityConfigurations(text)[0]), []);
        });
    });

    describe("emr-identity-center-assignment-key", () => {
        it("Noncompliance: the examples' spelling, and both spellings that disagree", async () => {
            const examples = identityCenter({ IdentityCenterApplicationAssigmentRequired: true });
            assert.deepStrictEqual(validateSecurityConfiguration(examples), [], "valid for EMR");
            const [message] = await messages(emrIdentityCenterAssignmentKey, securityConfigurations(examples)[0]);
            assert.match(
                message,
                /sets IdentityCenterApplicationAssigmentRequired \(the spelling of AWS's examples\)\. EMR's documentation spells it/,
            );
            const both = identityCenter({
                IdentityCenterApplicationAssigmentRequired: true,
                IdentityCenterApplicationAssignmentRequired: false,
            });
            const [clash] = await messages(emrIdentityCenterAssignmentKey, securityConfigurations(both)[0]);
            assert.match(clash, /, and the two spellings disagree\./);
        });

        it("Compliance: the documented spelling", async () => {
            const documented = identityCenter({ IdentityCenterApplicationAssignmentRequired: true });
            assert.deepStrictEqual(await messages(emrIdentityCenterAssignmentKey, securityConfigurations(documented)[0]), []);
        });
    });
});
