/**
 * Rules that tie fields together (policies/reference/emr.md §1.3). They run after the schema walk and read
 * the document defensively: a field of the wrong type has been reported already and is skipped here.
 */
import { at, has, isObject, JsonObject, objectAt, stringAt } from "./access";
import { FORMATS, kmsKeyRegion } from "./formats";
import { pointer, Problem, ProblemCode, quote } from "./problem";
import { DOCUMENT, SchemaNode } from "./schema";

type Report = (keys: (string | number)[], code: ProblemCode, message: string) => void;

const EC = "EncryptionConfiguration";
const ARC = "AtRestEncryptionConfiguration";
const ITC = "InTransitEncryptionConfiguration";
const S3 = "S3EncryptionConfiguration";
const LD = "LocalDiskEncryptionConfiguration";
const TLS = "TLSCertificateConfiguration";
const AUTHN = "AuthenticationConfiguration";
const KRB = "KerberosConfiguration";
const AUTHZ = "AuthorizationConfiguration";
const KMS_MODES = ["SSE-KMS", "CSE-KMS"];

export function checkCrossFieldRules(doc: JsonObject, problems: Problem[]): void {
    const report: Report = (keys, code, message) => problems.push({ path: pointer(keys), code, message });
    if (!DOCUMENT.fields.some((f) => has(doc, f.key))) {
        report([], "empty-document", `A security configuration must set at least one of ${DOCUMENT.fields.map((f) => f.key).join(", ")}`);
    }
    checkEncryptionFlags(doc, report);
    checkS3(doc, report);
    checkLocalDisk(doc, report);
    checkCustomClasses(doc, report);
    checkTls(doc, report);
    checkKerberos(doc, report);
    checkIdentityCenter(doc, report);
    checkAuthorization(doc, report);
    checkKeyRegions(doc, report);
}

/** Requires `keys` (relative to `base`) when present is false, or forbids them when it is true. */
function requireFields(block: JsonObject, base: string[], keys: string[], why: string, report: Report): void {
    for (const key of keys) {
        if (!has(block, key)) {
            report([...base, key], "missing-required", `${key} is required when ${why}`);
        }
    }
}

function forbidFields(block: JsonObject, base: string[], keys: string[], why: string, report: Report): void {
    for (const key of keys) {
        if (has(block, key)) {
            report([...base, key], "not-allowed-here", `${key} is not allowed when ${why}; remove it`);
        }
    }
}

/**
 * A flag set true without its section leaves EMR nothing to enable: invalid. A section whose flag is
 * false or absent is accepted (EMR ignores it, and AWS's own examples do it): that is advice, for
 * the emr-encryption-flags posture rule, not a validity problem.
 */
function checkEncryptionFlags(doc: JsonObject, report: Report): void {
    const ec = objectAt(doc, EC);
    if (!ec) {
        return;
    }
    for (const [flag, section] of [
        ["EnableAtRestEncryption", ARC],
        ["EnableInTransitEncryption", ITC],
    ]) {
        if (ec[flag] === true && !has(ec, section)) {
            report([EC, section], "flag-without-section", `${section} is required when ${flag} is true: there is nothing to enable`);
        }
    }
    const arc = objectAt(ec, ARC);
    if (arc && !has(arc, S3) && !has(arc, LD)) {
        report([EC, ARC], "empty-section", `${ARC} must contain ${S3}, ${LD} or both`);
    }
}

function checkS3(doc: JsonObject, report: Report): void {
    const base = [EC, ARC, S3];
    const s3 = objectAt(doc, ...base);
    const mode = stringAt(s3, "EncryptionMode");
    if (!s3 || mode === undefined) {
        return;
    }
    const why = `EncryptionMode is ${JSON.stringify(mode)}`;
    if (KMS_MODES.includes(mode)) {
        requireFields(s3, base, ["AwsKmsKey"], why, report);
        forbidFields(s3, base, ["S3Object", "EncryptionKeyProviderClass"], why, report);
    } else if (mode === "SSE-S3") {
        forbidFields(s3, base, ["AwsKmsKey", "S3Object", "EncryptionKeyProviderClass"], why, report);
    } else if (mode === "CSE-Custom") {
        requireFields(s3, base, ["S3Object", "EncryptionKeyProviderClass"], why, report);
        forbidFields(s3, base, ["AwsKmsKey"], why, report);
    }
    const overrides = at(s3, "Overrides");
    if (!Array.isArray(overrides)) {
        return;
    }
    const seen = new Set<string>();
    overrides.forEach((item: unknown, i) => {
        if (!isObject(item)) {
            return;
        }
        const itemBase = [...base, "Overrides", String(i)];
        const itemMode = stringAt(item, "EncryptionMode");
        if (itemMode !== undefined && KMS_MODES.includes(itemMode)) {
            requireFields(item, itemBase, ["AwsKmsKey"], `the override's EncryptionMode is ${JSON.stringify(itemMode)}`, report);
        } else if (itemMode === "SSE-S3") {
            forbidFields(item, itemBase, ["AwsKmsKey"], `the override's EncryptionMode is "SSE-S3"`, report);
        }
        const bucket = stringAt(item, "BucketName");
        if (bucket !== undefined) {
            if (seen.has(bucket)) {
                report(
                    [...itemBase, "BucketName"],
                    "duplicate-override",
                    `BucketName ${quote(bucket)} is overridden more than once; keep one override per bucket`,
                );
            }
            seen.add(bucket);
        }
    });
}

function checkLocalDisk(doc: JsonObject, report: Report): void {
    const base = [EC, ARC, LD];
    const ld = objectAt(doc, ...base);
    const provider = stringAt(ld, "EncryptionKeyProviderType");
    if (!ld || provider === undefined) {
        return;
    }
    const why = `EncryptionKeyProviderType is ${JSON.stringify(provider)}`;
    if (provider === "AwsKms") {
        requireFields(ld, base, ["AwsKmsKey"], why, report);
        forbidFields(ld, base, ["S3Object", "EncryptionKeyProviderClass"], why, report);
    } else if (provider === "Custom") {
        requireFields(ld, base, ["S3Object", "EncryptionKeyProviderClass"], why, report);
        forbidFields(ld, base, ["AwsKmsKey"], why, report);
        if (ld.EnableEbsEncryption === true) {
            report(
                [...base, "EnableEbsEncryption"],
                "not-allowed-here",
                'EnableEbsEncryption requires EncryptionKeyProviderType "AwsKms": EMR encrypts EBS volumes only with a KMS key',
            );
        }
    }
}

function checkCustomClasses(doc: JsonObject, report: Report): void {
    const s3Class = stringAt(doc, EC, ARC, S3, "EncryptionKeyProviderClass");
    const diskClass = stringAt(doc, EC, ARC, LD, "EncryptionKeyProviderClass");
    if (s3Class !== undefined && s3Class === diskClass) {
        report(
            [EC, ARC, LD, "EncryptionKeyProviderClass"],
            "same-provider-class",
            `EncryptionKeyProviderClass must differ from the S3 encryption provider class (${quote(s3Class)}): EMR needs separate provider classes for S3 and local disk`,
        );
    }
}

function checkTls(doc: JsonObject, report: Report): void {
    const base = [EC, ITC, TLS];
    const tls = objectAt(doc, ...base);
    const provider = stringAt(tls, "CertificateProviderType");
    if (!tls || provider === undefined) {
        return;
    }
    const why = `CertificateProviderType is ${JSON.stringify(provider)}`;
    const emrOnly = ["AwsKmsKey", "SecretTags", "ValidityInDays", "WildcardDnsSuffix", "CACertificateSecretARN"];
    if (provider === "EMR") {
        forbidFields(tls, base, ["S3Object", "CertificateProviderClass"], why, report);
        return;
    }
    forbidFields(tls, base, emrOnly, why, report);
    requireFields(tls, base, ["S3Object"], why, report);
    if (provider === "Custom") {
        requireFields(tls, base, ["CertificateProviderClass"], why, report);
    } else if (provider === "PEM") {
        forbidFields(tls, base, ["CertificateProviderClass"], why, report);
    }
    const object = stringAt(tls, "S3Object");
    const wrong = object === undefined ? undefined : FORMATS[provider === "PEM" ? "s3Zip" : "s3Jar"](object);
    if (wrong) {
        report([...base, "S3Object"], wrong.code, `S3Object ${wrong.message} when ${why}`);
    }
}

function checkKerberos(doc: JsonObject, report: Report): void {
    const base = [AUTHN, KRB];
    const kerberos = objectAt(doc, ...base);
    const provider = stringAt(kerberos, "Provider");
    if (!kerberos || provider === undefined) {
        return;
    }
    const why = `Provider is ${JSON.stringify(provider)}`;
    const blocks: Record<string, [string, string]> = {
        ClusterDedicatedKdc: ["ClusterDedicatedKdcConfiguration", "ExternalKdcConfiguration"],
        ExternalKdc: ["ExternalKdcConfiguration", "ClusterDedicatedKdcConfiguration"],
    };
    if (!Object.prototype.hasOwnProperty.call(blocks, provider)) {
        return;
    }
    const [wanted, unwanted] = blocks[provider];
    requireFields(kerberos, base, [wanted], why, report);
    forbidFields(kerberos, base, [unwanted], why, report);
}

function checkIdentityCenter(doc: JsonObject, report: Report): void {
    const base = [AUTHN, "IdentityCenterConfiguration"];
    const idc = objectAt(doc, ...base);
    if (!idc || idc.EnableIdentityCenter !== true) {
        return;
    }
    // The role is described as required although AWS's own example omits it: required here.
    requireFields(idc, base, ["IAMRoleForEMRIdentityCenterApplicationARN"], "EnableIdentityCenter is true", report);
    if (at(doc, EC, "EnableInTransitEncryption") !== true || !objectAt(doc, EC, ITC, TLS)) {
        report(
            [EC, "EnableInTransitEncryption"],
            "needs-in-transit-encryption",
            "EnableInTransitEncryption must be true, with a TLSCertificateConfiguration, when IAM Identity Center is enabled",
        );
    }
}

function checkAuthorization(doc: JsonObject, report: Report): void {
    if (has(objectAt(doc, AUTHZ), "RangerConfiguration") && !objectAt(doc, AUTHN, KRB)) {
        report(
            [AUTHN, KRB],
            "needs-kerberos",
            "KerberosConfiguration is required when AuthorizationConfiguration has a RangerConfiguration",
        );
    }
    if (has(doc, "LakeFormationConfiguration") && stringAt(doc, AUTHN, KRB, "Provider") !== "ClusterDedicatedKdc") {
        report(
            [AUTHN, KRB, "Provider"],
            "needs-kerberos",
            'The SAML-based Lake Formation integration needs a KerberosConfiguration with Provider "ClusterDedicatedKdc"',
        );
    }
    const mappings = at(doc, AUTHZ, "EmrFsConfiguration", "RoleMappings");
    if (!Array.isArray(mappings)) {
        return;
    }
    mappings.forEach((mapping: unknown, i) => {
        const identifiers = at(mapping, "Identifiers");
        if (stringAt(mapping, "IdentifierType") !== "Prefix" || !Array.isArray(identifiers)) {
            return;
        }
        identifiers.forEach((identifier: unknown, j) => {
            if (typeof identifier === "string" && FORMATS.s3Path(identifier)) {
                report(
                    [AUTHZ, "EmrFsConfiguration", "RoleMappings", i, "Identifiers", j],
                    "bad-format",
                    `Identifiers of IdentifierType "Prefix" must be S3 locations such as s3://<bucket>/<prefix>; got ${quote(identifier)}`,
                );
            }
        });
    });
}

/**
 * Every KMS key must sit in the cluster's Region, so all keys of one document share a Region. Keys
 * are found where the schema puts them, never by searching the whole value, so that a deep or
 * cyclic value elsewhere costs nothing here.
 */
function checkKeyRegions(doc: JsonObject, report: Report): void {
    const keys: { path: (string | number)[]; region: string }[] = [];
    for (const { path, value } of kmsKeyValues(doc)) {
        const region = kmsKeyRegion(value);
        if (region) {
            keys.push({ path, region });
        }
    }
    const first = keys[0];
    for (const key of keys.slice(1)) {
        if (key.region !== first.region) {
            report(
                key.path,
                "key-region-mismatch",
                `AwsKmsKey is in Region ${key.region} but ${pointer(first.path)} is in ${first.region}: every key must be in the cluster's Region`,
            );
        }
    }
}

/** Every string a KMS-key field of the document holds, with its path: only where the schema has such fields. */
export function kmsKeyValues(doc: unknown): { path: (string | number)[]; value: string }[] {
    const found: { path: (string | number)[]; value: string }[] = [];
    const visit = (node: SchemaNode, value: unknown, path: (string | number)[]): void => {
        if (node.kind === "string" && node.format === "kmsKey" && typeof value === "string") {
            found.push({ path, value });
        } else if (node.kind === "array" && Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                visit(node.items, value[i], [...path, i]);
            }
        } else if (node.kind === "object" && isObject(value)) {
            for (const field of node.fields) {
                if (has(value, field.key)) {
                    visit(field.node, value[field.key], [...path, field.key]);
                }
            }
        }
    };
    visit(DOCUMENT, doc, []);
    return found;
}
