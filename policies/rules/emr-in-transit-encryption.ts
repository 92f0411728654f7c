import { IN_TRANSIT } from "../compliance";
import { CERTIFICATE_PROVIDERS, FORMATS, isObject, listOf, shown } from "../model";
import { documentRule, EC, flagState, ITC, lookup, TLS } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

const OPTIONS = ruleOptions({
    allowedProviders: option<string[]>({
        type: "array",
        items: { type: "string", enum: [...CERTIFICATE_PROVIDERS] },
        default: [...CERTIFICATE_PROVIDERS],
        description: "CertificateProviderType values allowed.",
    }),
});

export const emrInTransitEncryption = documentRule(
    {
        name: "emr-in-transit-encryption",
        description: "EMR security configurations must turn in-transit encryption on with a complete TLS certificate configuration.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: IN_TRANSIT,
        remediationSteps:
            "Set EncryptionConfiguration.EnableInTransitEncryption to true and add InTransitEncryptionConfiguration.TLSCertificateConfiguration: PEM with S3Object (a .zip), Custom with S3Object (a .jar) and CertificateProviderClass, or EMR. The emr-security InTransitCertificate component makes the PEM zip.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config) => {
        if (lookup(document, [EC, "EnableInTransitEncryption"]).value !== true) {
            return [
                `In-transit encryption is off: ${flagState(document, [EC, "EnableInTransitEncryption"])}. Set it to true (a JSON boolean) with a ${TLS}.`,
            ];
        }
        const { value: tls, hint } = lookup(document, [EC, ITC, TLS]);
        if (!isObject(tls)) {
            return [`In-transit encryption is on but there is no ${ITC}.${TLS}${hint}: EMR has no certificates to use. Add one.`];
        }
        const provider = tls.CertificateProviderType;
        if (typeof provider !== "string" || !config.allowedProviders.includes(provider)) {
            return [`${TLS} has CertificateProviderType ${shown(provider)}; allowed: ${listOf(config.allowedProviders)} (case-sensitive).`];
        }
        const object = typeof tls.S3Object === "string" ? tls.S3Object : undefined;
        if (provider === "PEM" && (object === undefined || FORMATS.s3Zip(object))) {
            return [`${TLS} uses PEM without a valid S3Object: give the s3:// location (or S3 ARN) of the certificate .zip.`];
        }
        if (provider === "Custom" && (object === undefined || FORMATS.s3Jar(object) || typeof tls.CertificateProviderClass !== "string")) {
            return [`${TLS} uses a Custom provider without a valid S3Object .jar and CertificateProviderClass. Add both.`];
        }
        return [];
    },
);
