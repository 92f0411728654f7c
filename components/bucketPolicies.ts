import { PolicyDocument, PolicyStatement } from "./kmsKeyPolicy";

/**
 * Denies every request that does not use TLS 1.2 or later, for the bucket and its objects. A Deny
 * with principal `*` is the documented way to do this; it grants nothing to anyone.
 */
export function denyInsecureTransportPolicy(bucketArn: string): PolicyDocument {
    const deny = (Sid: string, Condition: PolicyStatement["Condition"]): PolicyStatement => ({
        Sid,
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition,
    });
    return {
        Version: "2012-10-17",
        Statement: [
            deny("DenyInsecureTransport", { Bool: { "aws:SecureTransport": "false" } }),
            deny("DenyTlsBelow12", { NumericLessThan: { "s3:TlsVersion": "1.2" } }),
        ],
    };
}
