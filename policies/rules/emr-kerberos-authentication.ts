import { AUTHENTICATION } from "../compliance";
import { isObject, KERBEROS_PROVIDERS, listOf, shown } from "../model";
import { documentRule, lookup } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

/** EMR's ticket lifetime when the document does not set one. */
const EMR_DEFAULT_TICKET_LIFETIME = 24;
const BLOCKS: Record<string, string> = { ClusterDedicatedKdc: "ClusterDedicatedKdcConfiguration", ExternalKdc: "ExternalKdcConfiguration" };

const OPTIONS = ruleOptions({
    maxTicketLifetimeHours: option<number>({
        type: "integer",
        minimum: 1,
        default: 24,
        description: "The longest ticket lifetime allowed, in hours.",
    }),
    allowedProviders: option<string[]>({
        type: "array",
        items: { type: "string", enum: [...KERBEROS_PROVIDERS] },
        default: [...KERBEROS_PROVIDERS],
        description: "Kerberos providers allowed.",
    }),
});

export const emrKerberosAuthentication = documentRule(
    {
        name: "emr-kerberos-authentication",
        description: "EMR security configurations must configure Kerberos, with a ticket lifetime within the allowed maximum.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: AUTHENTICATION,
        remediationSteps:
            "Add AuthenticationConfiguration.KerberosConfiguration (ClusterDedicatedKdc, optionally trusting Active Directory, or ExternalKdc) and create clusters with Kerberos attributes. The emr-security Kerberos component makes both.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (document, config) => {
        const { value: kerberos, hint } = lookup(document, ["AuthenticationConfiguration", "KerberosConfiguration"]);
        if (!isObject(kerberos)) {
            return [
                `Kerberos is not configured${hint}: cluster users and services are not authenticated. Add AuthenticationConfiguration.KerberosConfiguration.`,
            ];
        }
        const provider = kerberos.Provider;
        if (typeof provider !== "string" || !config.allowedProviders.includes(provider)) {
            return [`KerberosConfiguration has Provider ${shown(provider)}; allowed: ${listOf(config.allowedProviders)} (case-sensitive).`];
        }
        const block = kerberos[BLOCKS[provider]];
        if (!isObject(block)) {
            return [`KerberosConfiguration uses ${provider} without its ${BLOCKS[provider]}. Add it.`];
        }
        const lifetime = block.TicketLifetimeInHours ?? EMR_DEFAULT_TICKET_LIFETIME;
        if (typeof lifetime !== "number" || lifetime > config.maxTicketLifetimeHours) {
            return [
                `Kerberos tickets live ${shown(lifetime)} hours; at most ${config.maxTicketLifetimeHours} are allowed. Lower TicketLifetimeInHours.`,
            ];
        }
        return [];
    },
);
