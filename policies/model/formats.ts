/**
 * String formats used by EMR security-configuration fields. Each check returns `undefined` for a
 * value EMR accepts, or the problem's code and the end of a sentence that starts with the field name
 * ("must be ..."). Formats accept what EMR accepts; what it accepts but advice frowns on (an alias
 * for a key) is for the posture rules.
 */
import { Problem } from "./problem";

/** A format's verdict: a problem whose path the caller knows. */
type FormatProblem = Omit<Problem, "path">;

const PARTITION = "aws(?:-[a-z]+)*";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
const ACCOUNT = "\\d{12}";
const AWS_REGION = new RegExp(`^${REGION}$`);
const AWS_PARTITION = new RegExp(`^${PARTITION}$`);
const AWS_ACCOUNT = new RegExp(`^${ACCOUNT}$`);
/** Whether a string is a Region name as AWS spells them (`us-east-1`, `us-gov-west-1`, `cn-north-1`). */
export function isAwsRegion(value: string): boolean {
    return AWS_REGION.test(value);
}
/** Whether a string is a partition name (`aws`, `aws-cn`, `aws-us-gov`). */
export function isAwsPartition(value: string): boolean {
    return AWS_PARTITION.test(value);
}
/** Whether a string is a 12-digit account id. */
export function isAwsAccountId(value: string): boolean {
    return AWS_ACCOUNT.test(value);
}
const KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";

const ALIAS_NAME = "alias/[a-zA-Z0-9/_-]{1,250}";
const KMS_KEY_ARN = new RegExp(`^arn:${PARTITION}:kms:(${REGION}):(${ACCOUNT}):key/${KEY_ID}$`);
const KMS_ANY_KEY_ARN = new RegExp(`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/`);
const KMS_ALIAS_ARN = new RegExp(`^arn:${PARTITION}:kms:(${REGION}):(${ACCOUNT}):(${ALIAS_NAME})$`);
const KMS_ALIAS_NAME = new RegExp(`^${ALIAS_NAME}$`);
const BARE_KEY_ID = new RegExp(`^${KEY_ID}$`);
const IAM_ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`);
const SSO_INSTANCE_ARN = new RegExp(`^arn:${PARTITION}:sso:::instance/(?:sso)?ins-[a-zA-Z0-9-.]{16}$`);
const SECRET_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]+$`);
const LOG_GROUP_ARN = new RegExp(`^arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:[\\w/.#-]+(?::\\*)?$`);
const S3_ARN_OBJECT = new RegExp(`^arn:${PARTITION}:s3:::([^/]+)/(.+)$`);
/**
 * Names S3 still serves: besides today's rules, the legacy us-east-1 names of up to 255 letters (capitals
 * included), digits, dots, hyphens and underscores. AWS's own EMR examples use `s3://MyConfigStore/...`.
 */
const SERVED_BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const DNS_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** A Java binary name, with or without a package: Java loads default-package classes too. */
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const HTTPS_URL = /^https:\/\/([^/:?#\s]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/;

/** The Region a KMS key or alias ARN names, or `undefined` when the value is neither. */
export function kmsKeyRegion(value: string): string | undefined {
    return (KMS_KEY_ARN.exec(value) ?? KMS_ALIAS_ARN.exec(value))?.[1];
}

/** The account a KMS key or alias ARN names, or `undefined` when the value is neither. */
export function kmsKeyAccount(value: string): string | undefined {
    return (KMS_KEY_ARN.exec(value) ?? KMS_ALIAS_ARN.exec(value))?.[2];
}

/** The forms in which EMR, KMS, S3 and EC2 accept a same-account key; only the first is exact. */
export type KmsKeyReference = "key-arn" | "alias-arn" | "alias-name" | "key-id";

/** Which form of key reference a string is, or `undefined` when it names no key. */
export function kmsKeyReference(value: string): KmsKeyReference | undefined {
    if (KMS_KEY_ARN.test(value)) {
        return "key-arn";
    }
    if (KMS_ALIAS_ARN.test(value)) {
        return "alias-arn";
    }
    if (KMS_ALIAS_NAME.test(value)) {
        return "alias-name";
    }
    return BARE_KEY_ID.test(value) ? "key-id" : undefined;
}

/** The alias name (`alias/x`) of an alias ARN or alias name; `undefined` for anything else. */
export function kmsAliasName(value: string): string | undefined {
    return KMS_ALIAS_ARN.exec(value)?.[3] ?? (KMS_ALIAS_NAME.test(value) ? value : undefined);
}

function kmsKey(value: string): FormatProblem | undefined {
    if (kmsKeyReference(value) !== undefined) {
        return undefined;
    }
    if (KMS_ANY_KEY_ARN.test(value)) {
        return {
            code: "kms-key-not-a-key",
            message:
                "must name a KMS key: after key/ comes a key id (a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk-<32 hex digits>)",
        };
    }
    return {
        code: "bad-format",
        message:
            "must name a KMS key: a key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id> (best), an alias ARN, alias/<name> or a key id",
    };
}

/** The bucket and key of an `s3://bucket/key` URI or `arn:aws:s3:::bucket/key` ARN, if it is one. */
export function parseS3Location(value: string): { bucket: string; key: string } | undefined {
    const uri = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
    const arn = uri ? undefined : S3_ARN_OBJECT.exec(value);
    const match = uri ?? arn;
    if (!match || !SERVED_BUCKET_NAME.test(match[1]) || match[2].endsWith("/")) {
        return undefined;
    }
    return { bucket: match[1], key: match[2] };
}

/** Why a string is not an S3 object location, naming the part that is wrong. */
function s3LocationProblem(value: string, shape: string): string {
    const match = /^(?:s3:\/\/|arn:[^:]*:s3:::)([^/]*)(?:\/(.*))?$/.exec(value);
    if (!match) {
        return `must be an S3 object location, ${shape}`;
    }
    if (!SERVED_BUCKET_NAME.test(match[1])) {
        return `must be an S3 object location, ${shape}: ${JSON.stringify(match[1].slice(0, 64))} is not an S3 bucket name (3-255 letters, digits, dots, hyphens or underscores)`;
    }
    return `must be an S3 object location, ${shape}: it names the bucket but no object key`;
}

function s3Object(extension: string): (value: string) => FormatProblem | undefined {
    return (value) => {
        const location = parseS3Location(value);
        const shape = `s3://<bucket>/<key>${extension} or arn:aws:s3:::<bucket>/<key>${extension}`;
        if (!location) {
            return { code: "bad-format", message: s3LocationProblem(value, shape) };
        }
        if (!location.key.toLowerCase().endsWith(extension)) {
            return { code: "bad-format", message: `must name a ${extension} object (${shape})` };
        }
        return undefined;
    };
}

function hostAndPort(value: string): boolean {
    const match = /^(.+?)(?::(\d{1,5}))?$/.exec(value);
    if (!match) {
        return false;
    }
    const port = match[2] === undefined ? 1 : Number(match[2]);
    return (IPV4.test(match[1]) || DNS_NAME.test(match[1])) && port >= 1 && port <= 65535;
}

function matching(pattern: RegExp, description: string): (value: string) => FormatProblem | undefined {
    return (value) => (pattern.test(value) ? undefined : { code: "bad-format", message: `must be ${description}` });
}

function check(ok: (value: string) => boolean, description: string): (value: string) => FormatProblem | undefined {
    return (value) => (ok(value) ? undefined : { code: "bad-format", message: description });
}

/** Every format a schema string may name, with its check. */
export const FORMATS = {
    kmsKey,
    s3Zip: s3Object(".zip"),
    s3Jar: s3Object(".jar"),
    s3Path: check(
        (value) => /^s3:\/\/[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9](?:\/\S*)?$/.test(value),
        "must be an S3 location such as s3://<bucket>/<prefix>",
    ),
    bucketName: matching(SERVED_BUCKET_NAME, "a bare S3 bucket name (3-255 letters, digits, dots, hyphens or underscores; no s3://)"),
    iamRoleArn: matching(IAM_ROLE_ARN, "an IAM role ARN such as arn:aws:iam::111122223333:role/<name>"),
    ssoInstanceArn: matching(SSO_INSTANCE_ARN, "an IAM Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-<16 characters>"),
    secretArn: matching(SECRET_ARN, "a Secrets Manager secret ARN such as arn:aws:secretsmanager:<region>:<account>:secret:<name>"),
    logGroupArn: matching(LOG_GROUP_ARN, "a CloudWatch Logs log-group ARN such as arn:aws:logs:<region>:<account>:log-group:<name>"),
    javaClass: matching(JAVA_CLASS, "a Java class name such as com.example.MyProvider"),
    hostPort: check(hostAndPort, "must be a host name or IPv4 address, optionally with :<port>"),
    dnsName: matching(DNS_NAME, "a DNS name such as corp.example.com (without a leading *.)"),
    httpsUrl: check((value) => {
        const match = HTTPS_URL.exec(value);
        return match !== null && (IPV4.test(match[1]) || DNS_NAME.test(match[1]));
    }, "must be an https:// URL such as https://ranger.example.com:6182"),
    nonBlank: matching(/\S/, "a non-blank string"),
} as const;

export type Format = keyof typeof FORMATS;
