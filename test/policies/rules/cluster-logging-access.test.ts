import * as assert from "assert";
import { PolicyResource } from "../../../policies/evaluate";
import { emrClusterLogging } from "../../../policies/rules/emr-cluster-logging";
import { emrClusterOperationalAccess } from "../../../policies/rules/emr-cluster-operational-access";
import { ACCOUNT, findings, KEY_S3, keyWithPolicy, resource, UNKNOWN } from "../helpers";

const INSTANCE_ROLE = `arn:aws:iam::${ACCOUNT}:role/EMR_EC2_DefaultRole`;
const r = resource;
const cluster = (props: Record<string, unknown> = {}) =>
    r("aws:emr/cluster:Cluster", "analytics", {
        releaseLabel: "emr-7.5.0",
        logUri: "s3://emr-logs-111122223333/analytics/",
        logEncryptionKmsKeyId: KEY_S3,
        ec2Attributes: { subnetId: "subnet-1", instanceProfile: "emr-ec2-profile" },
        ...props,
    });
const key = (users: string[]) => keyWithPolicy("logs", KEY_S3, users);
const IAM = [
    r("aws:iam/role:Role", "ec2", { name: "EMR_EC2_DefaultRole", arn: INSTANCE_ROLE }),
    r("aws:iam/instanceProfile:InstanceProfile", "profile", { name: "emr-ec2-profile", role: "EMR_EC2_DefaultRole" }),
];

async function said(rule: Parameters<typeof findings>[0], resources: PolicyResource[], preview = false): Promise<string[]> {
    return (await findings(rule, resources, { preview })).map((f) => `${f.level} ${f.resource?.split("::").pop()}: ${f.message}`);
}

const NO_URI = (state: string) =>
    `mandatory analytics: The cluster ${state}, so its step, node and application logs leave with the nodes: nothing is kept for audit or incident response. Set logUri to an S3 location such as s3://bucket/logs/.`;
const NO_KEY =
    "mandatory analytics: The cluster sets no logEncryptionKmsKeyId, so its logs in S3 are encrypted only with S3-managed keys, outside your key policy and CloudTrail record of key use. Set logEncryptionKmsKeyId to a KMS key ARN.";

describe("emr-cluster-logging", () => {
    const cases: [string, PolicyResource[], string[]][] = [
        ["Compliance: logs to S3 under a key the instance-profile role may use", [cluster(), key([INSTANCE_ROLE]), ...IAM], []],
        ["Compliance: a key outside the stack is not second-guessed", [cluster()], []],
        [
            "Compliance: a key named by alias, resolved through the stack",
            [
                cluster({ logEncryptionKmsKeyId: "alias/emr-logs" }),
                key([INSTANCE_ROLE]),
                ...IAM,
                r("aws:kms/alias:Alias", "logs", { name: "alias/emr-logs", targetKeyId: KEY_S3 }),
            ],
            [],
        ],
        [
            "Compliance: 5.29.0 cannot encrypt logs with a KMS key, so only logUri is required",
            [cluster({ releaseLabel: "emr-5.29.0", logEncryptionKmsKeyId: undefined })],
            [],
        ],
        ["Compliance: nor can 6.0.0", [cluster({ releaseLabel: "emr-6.0.0", logEncryptionKmsKeyId: undefined })], []],
        ["Noncompliance: no logUri", [cluster({ logUri: undefined })], [NO_URI("sets no logUri")]],
        [
            "Noncompliance: a blank logUri",
            [cluster({ logUri: "  " })],
            [NO_URI('has logUri "  ", which names no S3 location (EMR archives cluster logs only to S3)')],
        ],
        ...["hdfs:///var/log/emr", "https://logs.example.com/emr", "/var/log/emr", "s3://"].map(
            (uri): [string, PolicyResource[], string[]] => [
                `Noncompliance: a logUri that is not S3 (RunJobFlow's LogUri is a location in Amazon S3): ${uri}`,
                [cluster({ logUri: uri })],
                [NO_URI(`has logUri ${JSON.stringify(uri)}, which names no S3 location (EMR archives cluster logs only to S3)`)],
            ],
        ),
        ["Compliance: the s3n:// scheme names S3 too", [cluster({ logUri: "s3n://emr-logs/analytics/" })], []],
        ["Noncompliance: no log key on 5.30.0", [cluster({ releaseLabel: "emr-5.30.0", logEncryptionKmsKeyId: undefined })], [NO_KEY]],
        [
            "Noncompliance: no log key when the release cannot be read",
            [cluster({ releaseLabel: "latest", logEncryptionKmsKeyId: "" })],
            [NO_KEY],
        ],
        [
            "Noncompliance: a log key that names no key",
            [cluster({ logEncryptionKmsKeyId: "arn:aws:s3:::bucket" })],
            [
                'mandatory analytics: logEncryptionKmsKeyId "arn:aws:s3:::bucket" must name a KMS key: a key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id> (best), an alias ARN, alias/<name> or a key id.',
            ],
        ],
        [
            "Noncompliance: the key in the stack does not let the instance-profile role use it",
            [cluster(), key([]), ...IAM],
            [
                `mandatory logs: The key that encrypts the cluster's logs does not let its instance-profile role "${INSTANCE_ROLE}" use it (kms:Decrypt, kms:GenerateDataKey), so the nodes cannot write encrypted logs. Add the role to the key policy.`,
            ],
        ],
        [
            "Noncompliance: two clusters on one key their role may not use, reported once on the key",
            [cluster(), r("aws:emr/cluster:Cluster", "nightly", { ...cluster().props }), key([]), ...IAM],
            [
                `mandatory logs: The key that encrypts the cluster's logs does not let its instance-profile role "${INSTANCE_ROLE}" use it (kms:Decrypt, kms:GenerateDataKey), so the nodes cannot write encrypted logs. Add the role to the key policy.`,
            ],
        ],
        [
            "Noncompliance: aws-native shape, neither set",
            [r("aws-native:emr:Cluster", "analytics", { releaseLabel: "emr-7.5.0", instances: {} })],
            [NO_URI("sets no logUri"), NO_KEY],
        ],
    ];
    for (const [what, resources, expected] of cases) {
        it(what, async () => assert.deepStrictEqual(await said(emrClusterLogging, resources), expected));
    }

    it("defers at preview while the log key is unknown", async () => {
        const found = await said(emrClusterLogging, [cluster({ logEncryptionKmsKeyId: UNKNOWN }), key([INSTANCE_ROLE]), ...IAM], true);
        assert.strictEqual(found.length, 1);
        assert.match(found[0], /^advisory .*can't be known during preview; the check runs again when the stack is analyzed/);
    });
});

describe("emr-cluster-operational-access", () => {
    const ADVICE =
        'advisory analytics: The cluster opens SSH with the EC2 key pair "ops-shared" and has no Kerberos: anyone holding the private key logs in as hadoop, and nothing ties a session to a person. Use Kerberos (kerberosAttributes), or remove the key pair and use SSM Session Manager.';
    const KERBEROS = { realm: "EC2.INTERNAL", kdcAdminPassword: "kdc-Secret-1" };
    const cases: [string, PolicyResource, string[]][] = [
        ["Noncompliance (advisory): a key pair without Kerberos", cluster({ ec2Attributes: { keyName: "ops-shared" } }), [ADVICE]],
        [
            "Noncompliance (advisory): aws-native, a key pair without Kerberos",
            r("aws-native:emr:Cluster", "analytics", { instances: { ec2KeyName: "ops-shared" } }),
            [ADVICE],
        ],
        ["Compliance: a key pair with Kerberos", cluster({ ec2Attributes: { keyName: "ops-shared" }, kerberosAttributes: KERBEROS }), []],
        ["Compliance: Kerberos without a key pair", cluster({ kerberosAttributes: KERBEROS }), []],
        ["Compliance: neither: no SSH at all, nodes reached through Session Manager", cluster(), []],
        ["Compliance: a blank key name opens nothing", cluster({ ec2Attributes: { keyName: " " } }), []],
    ];
    for (const [what, resource, expected] of cases) {
        it(what, async () => {
            const found = await said(emrClusterOperationalAccess, [resource]);
            assert.deepStrictEqual(found, expected);
            for (const message of found) {
                assert.ok(!message.includes("kdc-Secret-1"));
            }
        });
    }
});
