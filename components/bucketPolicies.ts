import { PolicyDocument } from "./kmsKeyPolicy";

/**
 * Denies every request that does not use TLS 1.2 or later, for the bucket and its objects. A Deny
 * with principal `*` is the documented way to do this; it grants nothing to anyone.
 */
export function denyInsecureTransportPolicy(bucketArn: string): PolicyDocument {
    const resources = [bucketArn, `${bucketArn}/*`];
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "s3:*",
                Resource: resources,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "DenyTlsBelow12",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "s3:*",
                Resource: resources,
                Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
            },
        ],
    };
}
