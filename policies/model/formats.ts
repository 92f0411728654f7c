/**
 * String formats used by EMR security-configuration fields. Each check returns `undefined` for a
 * good value, or the end of a sentence that starts with the field name ("must be ...").
 */

const PARTITION = "aws(?:-[a-z]+)*";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
const ACCOUNT = "\\d{12}";
const KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";

const KMS_KEY_ARN = new RegExp(`^arn:${PARTITION}:kms:(${REGION}):(${ACCOUNT}):key/${KEY_ID}$`);
const KMS_ALIAS = new RegExp(`^(?:alias/|arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:alias/)`);
const BARE_KEY_ID = new RegExp(`^${KEY_ID}$`);
const IAM_ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`);
const SSO_INSTANCE_ARN = new RegExp(`^arn:${PARTITION}:sso:::instance/(?:sso)?ins-[a-zA-Z0-9-.]{16}$`);
const SECRET_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]+$`);
const LOG_GROUP_ARN = new RegExp(`^arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:[\\w/.#-]+(?::\\*)?$`);
const S3_ARN_OBJECT = new RegExp(`^arn:${PARTITION}:s3:::([^/]+)/(.+)$`);
const BUCKET_NAME = /^(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const DNS_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const HTTPS_URL = /^https:\/\/([^/:?#\s]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/;

/** The Region a KMS key ARN names, or `undefined` when the value is not a key ARN. */
export function kmsKeyRegion(value: string): string | undefined {
    return KMS_KEY_ARN.exec(value)?.[1];
}

/** The account a KMS key ARN names, or `undefined` when the value is not a key ARN. */
export function kmsKeyAccount(value: string): string | undefined {
    return KMS_KEY_ARN.exec(value)?.[2];
}

export function isKmsKeyArn(value: string): boolean {
    return KMS_KEY_ARN.test(value);
}

function kmsKeyArn(value: string): string | undefined {
    if (KMS_KEY_ARN.test(value)) {
        return undefined;
    }
    const expected = "must be a full KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/<key-id>";
    if (KMS_ALIAS.test(value)) {
        return `${expected}, not an alias: EMR requires a fully specified key ARN`;
    }
    if (BARE_KEY_ID.test(value)) {
        return `${expected}, not a bare key id: EMR requires a fully specified key ARN`;
    }
    return expected;
}

/** The bucket and key of an `s3://bucket/key` URI or `arn:aws:s3:::bucket/key` ARN, if it is one. */
export function parseS3Location(value: string): { bucket: string; key: string } | undefined {
    const uri = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
    const arn = uri ? undefined : S3_ARN_OBJECT.exec(value);
    const match = uri ?? arn;
    if (!match || !BUCKET_NAME.test(match[1]) || match[2].endsWith("/")) {
        return undefined;
    }
    return { bucket: match[1], key: match[2] };
}

function s3Object(extension: string): (value: string) => string | undefined {
    return (value) => {
        const location = parseS3Location(value);
        const shape = `s3://<bucket>/<key>${extension} or arn:aws:s3:::<bucket>/<key>${extension}`;
        if (!location) {
            return `must be an S3 object location, ${shape}`;
        }
        if (!location.key.toLowerCase().endsWith(extension)) {
            return `must name a ${extension} object (${shape})`;
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

function matching(pattern: RegExp, description: string): (value: string) => string | undefined {
    return (value) => (pattern.test(value) ? undefined : `must be ${description}`);
}

/** Every format a schema string may name, with its check. */
export const FORMATS = {
    kmsKeyArn,
    s3Zip: s3Object(".zip"),
    s3Jar: s3Object(".jar"),
    s3Path: (value: string) =>
        /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/\S*)?$/.test(value)
            ? undefined
            : "must be an S3 location such as s3://<bucket>/<prefix>",
    bucketName: matching(BUCKET_NAME, "a bare S3 bucket name (3-63 lower-case letters, digits, dots or hyphens; no s3://)"),
    iamRoleArn: matching(IAM_ROLE_ARN, "an IAM role ARN such as arn:aws:iam::111122223333:role/<name>"),
    ssoInstanceArn: matching(SSO_INSTANCE_ARN, "an IAM Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-<16 characters>"),
    secretArn: matching(SECRET_ARN, "a Secrets Manager secret ARN such as arn:aws:secretsmanager:<region>:<account>:secret:<name>"),
    logGroupArn: matching(LOG_GROUP_ARN, "a CloudWatch Logs log-group ARN such as arn:aws:logs:<region>:<account>:log-group:<name>"),
    javaClass: matching(JAVA_CLASS, "a fully qualified Java class name such as com.example.MyProvider"),
    hostPort: (value: string) => (hostAndPort(value) ? undefined : "must be a host name or IPv4 address, optionally with :<port>"),
    dnsName: matching(DNS_NAME, "a DNS name such as corp.example.com (without a leading *.)"),
    httpsUrl: (value: string) => {
        const match = HTTPS_URL.exec(value);
        return match && (IPV4.test(match[1]) || DNS_NAME.test(match[1]))
            ? undefined
            : "must be an https:// URL such as https://ranger.example.com:6182";
    },
    nonBlank: matching(/\S/, "a non-blank string"),
} as const;

export type Format = keyof typeof FORMATS;
