/**
 * Fields whose API accepts a KMS key only by its key ARN (policies/reference/emr.md §7): an alias,
 * an alias ARN or a bare key id there is refused when the resource is created, though KMS itself
 * would resolve it.
 */
import { KmsKeyReference, kmsKeyReference, quote } from "../model";

const FORMS: Record<Exclude<KmsKeyReference, "key-arn">, string> = {
    "alias-arn": "an alias ARN",
    "alias-name": "an alias",
    "key-id": "a bare key id",
};

/** Why `value` cannot stand in `field`, which `service` takes only as a key ARN; undefined when it can. */
export function keyArnProblem(field: string, value: unknown, service: string): string | undefined {
    const form = typeof value === "string" ? kmsKeyReference(value) : undefined;
    if (form === "key-arn") {
        return undefined;
    }
    const what = typeof value !== "string" ? "not a string" : form ? FORMS[form] : "not a KMS key";
    return `${field} is ${typeof value === "string" ? `${quote(value)}, ${what}` : what}: ${service} accepts only a key ARN (arn:aws:kms:<region>:<account>:key/<id>) and refuses it. Give the key's ARN.`;
}
