/**
 * Where EMR uses a KMS key, read once for the rules that follow a key to its users: the key policy
 * rules, the logging rule and the enabled-key rule.
 */
import { PolicyResource } from "@pulumi/policy";
import { isObject, JsonObject, parseS3Location, shown } from "../model";
import { keyPolicyOf, S3_ENCRYPTION } from "../resources";
import { asList, parsePolicy } from "./policyDocuments";
import { StackView } from "./stackView";

/** What the instance-profile role needs of a key that encrypts data it reads and writes. */
export const KEY_USER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"];

export interface KeyUse {
    arn: string;
    what: string;
    ebs: boolean;
}

/** Every key a security-configuration document names, with what it encrypts. */
export function documentKeyUses(document: JsonObject): KeyUse[] {
    const uses: KeyUse[] = [];
    const add = (value: unknown, what: string, ebs = false) => typeof value === "string" && uses.push({ arn: value, what, ebs });
    const encryption = isObject(document.EncryptionConfiguration) ? document.EncryptionConfiguration : {};
    const atRest = isObject(encryption.AtRestEncryptionConfiguration) ? encryption.AtRestEncryptionConfiguration : {};
    const s3 = isObject(atRest.S3EncryptionConfiguration) ? atRest.S3EncryptionConfiguration : {};
    add(s3.AwsKmsKey, "S3 data");
    (Array.isArray(s3.Overrides) ? s3.Overrides : []).forEach(
        (o: unknown) => isObject(o) && add(o.AwsKmsKey, `S3 data of bucket ${shown(o.BucketName)}`),
    );
    const disk = isObject(atRest.LocalDiskEncryptionConfiguration) ? atRest.LocalDiskEncryptionConfiguration : {};
    add(disk.AwsKmsKey, "local disks", disk.EnableEbsEncryption === true);
    const wal = isObject(encryption.EMRWALEncryptionConfiguration) ? encryption.EMRWALEncryptionConfiguration : {};
    add(wal.AwsKmsKey, "the EMR write-ahead log");
    return uses;
}

/** The S3 location of a document's PEM certificate zip, when it has one. */
export function certificateZipOf(document: JsonObject): { bucket: string; key: string } | undefined {
    const encryption = isObject(document.EncryptionConfiguration) ? document.EncryptionConfiguration : {};
    const inTransit = isObject(encryption.InTransitEncryptionConfiguration) ? encryption.InTransitEncryptionConfiguration : {};
    const tls = isObject(inTransit.TLSCertificateConfiguration) ? inTransit.TLSCertificateConfiguration : {};
    return tls.CertificateProviderType === "PEM" && typeof tls.S3Object === "string" ? parseS3Location(tls.S3Object) : undefined;
}

/** The default-encryption rules of a bucket: inline on the bucket, or in separate resources. */
export function bucketEncryptionRules(stack: StackView, bucket: PolicyResource, name: string): unknown[] {
    const inline = bucket.props.serverSideEncryptionConfiguration;
    return [...(isObject(inline) ? asList(inline.rule) : []), ...stack.onBucket(S3_ENCRYPTION, name).flatMap((e) => asList(e.props.rules))];
}

/** The KMS keys a bucket encrypts new objects with by default. */
export function bucketKmsKeys(stack: StackView, bucket: PolicyResource, name: string): string[] {
    return bucketEncryptionRules(stack, bucket, name).flatMap((rule) => {
        const byDefault = isObject(rule) ? rule.applyServerSideEncryptionByDefault : undefined;
        return isObject(byDefault) && typeof byDefault.kmsMasterKeyId === "string" ? [byDefault.kmsMasterKeyId] : [];
    });
}

/** The policy that governs a key of the stack: a separate KeyPolicy resource wins over the key's own. */
export function policyOfKey(stack: StackView, key: PolicyResource): JsonObject | undefined {
    const separate = stack.keyPolicyFor(key);
    return parsePolicy(separate ? separate.props.policy : keyPolicyOf(key.type, key.props));
}
