/** Builders for rule tests: resources as the engine shows them, and the rule's findings. */
import { buildKeyPolicy } from "../../components/kmsKeyPolicy";
import { evaluatePolicies, PolicyFinding, PolicyResource, UNKNOWN } from "../../policies/evaluate";
import { Rule } from "../../policies/rules";

export { UNKNOWN };

/** The rules that read security-configuration documents. */
export const DOCUMENT_RULES = [
    "emr-security-configuration-valid",
    "emr-at-rest-encryption",
    "emr-s3-encryption",
    "emr-local-disk-encryption",
    "emr-ebs-encryption",
    "emr-in-transit-encryption",
    "emr-kerberos-authentication",
    "emr-imdsv2",
    "emr-separate-kms-keys",
    "emr-kms-key-reference",
    "emr-encryption-flags",
    "emr-identity-center-assignment-key",
];

export const KEY_S3 = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c01";
export const KEY_DISK = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c02";

export const ACCOUNT = "111122223333";

/** A resource as the engine shows it to a stack rule. */
export function resource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
    return { type, name, props, urn: `urn:pulumi:s::p::${type}::${name}` };
}

/** A key of the stack whose policy is the one our KMS component writes for these roles. */
export function keyWithPolicy(name: string, arn: string, keyUserRoleArns: string[], ebsServiceRoleArns: string[] = []): PolicyResource {
    const policy = buildKeyPolicy({
        partition: "aws",
        accountId: ACCOUNT,
        adminRoleArns: [],
        keyUserRoleArns,
        ebsServiceRoleArns,
        allowEmrWal: false,
    });
    return resource("aws:kms/key:Key", name, { arn, keyId: arn.split("/")[1], policy: JSON.stringify(policy) });
}

/** A hardened document that every EMR rule passes; tests mutate a copy. */
export function hardened(): Record<string, any> {
    return {
        EncryptionConfiguration: {
            EnableInTransitEncryption: true,
            EnableAtRestEncryption: true,
            InTransitEncryptionConfiguration: {
                TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://emr-certs/emr-tls/0123456789abcdef.zip" },
            },
            AtRestEncryptionConfiguration: {
                S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY_S3 },
                LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: KEY_DISK, EnableEbsEncryption: true },
            },
        },
        AuthenticationConfiguration: {
            KerberosConfiguration: { Provider: "ClusterDedicatedKdc", ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 } },
        },
        InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
    };
}

/** A document changed by `mutate`, from the hardened one. */
export function mutated(mutate: (d: Record<string, any>) => void): Record<string, any> {
    const document = hardened();
    mutate(document);
    return document;
}

/** The aws classic resource (document as a JSON string) and the aws-native one (document as an object). */
export function securityConfigurations(document: unknown, name = "sc"): PolicyResource[] {
    return [
        {
            type: "aws:emr/securityConfiguration:SecurityConfiguration",
            name,
            props: { name, configuration: typeof document === "string" ? document : JSON.stringify(document) },
        },
        { type: "aws-native:emr:SecurityConfiguration", name, props: { name, securityConfiguration: document } },
    ];
}

export async function findings(
    rule: Rule,
    resources: PolicyResource[],
    options: { preview?: boolean; config?: Record<string, unknown> } = {},
): Promise<PolicyFinding[]> {
    return evaluatePolicies(resources, options, [rule]);
}

/** The messages a rule gives one resource. */
export async function messages(
    rule: Rule,
    resource: PolicyResource,
    options: { preview?: boolean; config?: Record<string, unknown> } = {},
): Promise<string[]> {
    return (await findings(rule, [resource], options)).map((f) => f.message);
}

/** Each way a boolean flag can arrive wrong: missing, false, a string, a wrong-case key, null. */
export function flagVariants(path: string[]): [string, (d: Record<string, any>) => void][] {
    const parent = (d: Record<string, any>) => path.slice(0, -1).reduce((o, k) => o[k], d);
    const key = path[path.length - 1];
    return [
        ["missing", (d) => delete parent(d)[key]],
        ["false", (d) => (parent(d)[key] = false)],
        ['the string "true"', (d) => (parent(d)[key] = "true")],
        ['the string "false"', (d) => (parent(d)[key] = "false")],
        ["in the wrong case", (d) => ((parent(d)[key.charAt(0).toLowerCase() + key.slice(1)] = true), delete parent(d)[key])],
        ["null", (d) => (parent(d)[key] = null)],
        ["the number 1", (d) => (parent(d)[key] = 1)],
    ];
}
