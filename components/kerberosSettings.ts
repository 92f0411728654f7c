/**
 * Kerberos settings (policies/reference/emr.md §1.2 and §4) as pure functions: the arguments, their checks,
 * and the security-configuration section they give.
 */
import * as pulumi from "@pulumi/pulumi";
import { KERBEROS_PROVIDERS, Problem } from "../policies/model";
import {
    checkArgumentsObject,
    checkBoolean,
    checkFormat,
    checkInteger,
    checkOneOf,
    isDeferred,
    shown,
    checkNestedObject,
    isArgumentsObject,
} from "./argumentChecks";
import { AdIntegrationConfiguration, CrossRealmTrustConfiguration, KerberosConfiguration } from "./securityConfigurationArgs";

/** EMR documents no range; a week is the longest lifetime accepted here. */
export const MAX_TICKET_LIFETIME_HOURS = 168;
export const DEFAULT_TICKET_LIFETIME_HOURS = 24;

/**
 * Kerberos for EMR clusters: the Kerberos component's arguments, and SecureEmrBaseline's `kerberos`.
 * One name for both, and not `...Args`, so that no generated SDK meets a `KerberosArgsArgs` or a
 * second `KerberosArgs`.
 */
export interface KerberosSettings {
    /** `ClusterDedicatedKdc` (default: a KDC on the primary node) or `ExternalKdc` (EMR 5.20.0+). */
    provider?: string;
    /** The cluster's realm, in upper case by Kerberos convention (e.g. `EC2.INTERNAL`). */
    realm: pulumi.Input<string>;
    /** Ticket lifetime in hours, 1 to 168 (default 24). */
    ticketLifetimeInHours?: pulumi.Input<number>;
    /** A one-way trust from a cluster-dedicated KDC to another realm, usually Active Directory. */
    crossRealmTrust?: CrossRealmTrust;
    /** The external KDC, for provider `ExternalKdc`. */
    externalKdc?: ExternalKdc;
    /**
     * The KDC admin password. Generated (and kept across updates) for a cluster-dedicated KDC when
     * omitted; required for an external KDC, whose password already exists.
     */
    kdcAdminPassword?: pulumi.Input<string>;
    /**
     * The cross-realm trust principal's password, which must equal the trust password set on the
     * other realm. Generated when omitted: set the trust with the `crossRealmTrustPrincipalPassword` output.
     */
    crossRealmTrustPrincipalPassword?: pulumi.Input<string>;
    /** An Active Directory account allowed to join computers to the domain; required with Active Directory. */
    adDomainJoinUser?: pulumi.Input<string>;
    /**
     * The password of `adDomainJoinUser`. Generated when omitted: give the AD account that password
     * from the `adDomainJoinPassword` output.
     */
    adDomainJoinPassword?: pulumi.Input<string>;
}

/** The Kerberos component's arguments. */
export type KerberosArgs = KerberosSettings;

/**
 * The trust as the document states it (one family of Kerberos types: the component's arguments
 * reuse the document's), plus what the component needs to know about the other realm.
 */
export interface CrossRealmTrust extends CrossRealmTrustConfiguration {
    /** Whether the other realm is Active Directory (default true), which needs a domain-join account. */
    activeDirectory?: boolean;
}

export interface ExternalKdc {
    /** The external KDC's admin server, `host` or `host:port` (default port 749). */
    adminServer: pulumi.Input<string>;
    /** The external KDC, `host` or `host:port` (default port 88). */
    kdcServer: pulumi.Input<string>;
    /** The Active Directory domain the external KDC trusts, if any; needs a domain-join account. */
    adIntegration?: AdIntegrationConfiguration;
}

/** What a ticket lifetime beyond the default gives up, in a sentence naming the option; values of the wrong type are the check's. */
export function longerTicketLifetime(args: KerberosSettings): string[] {
    const hours = args.ticketLifetimeInHours;
    return typeof hours === "number" && hours > DEFAULT_TICKET_LIFETIME_HOURS
        ? [`ticketLifetimeInHours is ${hours}: a stolen Kerberos ticket stays valid longer than ${DEFAULT_TICKET_LIFETIME_HOURS} hours`]
        : [];
}

/** Which secrets a Kerberos setup sends with the cluster. */
export function kerberosNeeds(args: KerberosArgs): { crossRealmPassword: boolean; adJoin: boolean } {
    const trust = args.crossRealmTrust;
    return {
        crossRealmPassword: trust !== undefined,
        adJoin: (trust !== undefined && trust.activeDirectory !== false) || args.externalKdc?.adIntegration !== undefined,
    };
}

const REALM = /^[A-Z0-9](?:[A-Z0-9.-]*[A-Z0-9])?$/;

function checkRealm(problems: Problem[], path: string, value: unknown): void {
    if (typeof value === "string" && !REALM.test(value)) {
        problems.push({
            path,
            code: "bad-format",
            message: `${path} must be upper case letters, digits, "." or "-" (Kerberos realms are upper case); got ${shown(value)}`,
        });
    }
}

/** Every problem with Kerberos arguments that can be seen now. */
export function checkKerberosArgs(args: KerberosArgs): Problem[] {
    const notAnObject = checkArgumentsObject(args);
    if (notAnObject) {
        return [notAnObject];
    }
    const problems: Problem[] = [];
    for (const nested of ["crossRealmTrust", "externalKdc"] as const) {
        checkNestedObject(problems, nested, args[nested]);
    }
    checkBoolean(problems, "crossRealmTrust.activeDirectory", args.crossRealmTrust?.activeDirectory);
    const provider = args.provider ?? "ClusterDedicatedKdc";
    checkOneOf(problems, "provider", args.provider, KERBEROS_PROVIDERS);
    if (args.realm === undefined) {
        problems.push({ path: "realm", code: "missing-required", message: `realm is required` });
    }
    checkRealm(problems, "realm", args.realm);
    checkInteger(problems, "ticketLifetimeInHours", args.ticketLifetimeInHours, 1, MAX_TICKET_LIFETIME_HOURS);

    const trust = isArgumentsObject(args.crossRealmTrust) ? args.crossRealmTrust : undefined;
    if (trust) {
        if (provider !== "ClusterDedicatedKdc") {
            problems.push({
                path: "crossRealmTrust",
                code: "conflicting-arguments",
                message: `crossRealmTrust needs provider "ClusterDedicatedKdc"; an external KDC trusts AD through externalKdc.adIntegration`,
            });
        }
        checkRealm(problems, "crossRealmTrust.realm", trust.realm);
        if (typeof trust.realm === "string" && trust.realm === args.realm) {
            problems.push({
                path: "crossRealmTrust.realm",
                code: "conflicting-arguments",
                message: `crossRealmTrust.realm must differ from the cluster's realm (${trust.realm}): trusted realms need different names`,
            });
        }
        checkFormat(problems, "crossRealmTrust.domain", trust.domain, "dnsName");
        checkFormat(problems, "crossRealmTrust.adminServer", trust.adminServer, "hostPort");
        checkFormat(problems, "crossRealmTrust.kdcServer", trust.kdcServer, "hostPort");
    }
    const external = isArgumentsObject(args.externalKdc) ? args.externalKdc : undefined;
    if (provider === "ExternalKdc") {
        if (!external) {
            problems.push({
                path: "externalKdc",
                code: "missing-required",
                message: `externalKdc is required when provider is "ExternalKdc"`,
            });
        }
        if (args.kdcAdminPassword === undefined) {
            problems.push({
                path: "kdcAdminPassword",
                code: "missing-required",
                message: `kdcAdminPassword is required when provider is "ExternalKdc": it is the existing KDC's admin password and cannot be generated`,
            });
        }
    } else if (external) {
        problems.push({ path: "externalKdc", code: "conflicting-arguments", message: `externalKdc needs provider "ExternalKdc"` });
    }
    if (external) {
        checkFormat(problems, "externalKdc.adminServer", external.adminServer, "hostPort");
        checkFormat(problems, "externalKdc.kdcServer", external.kdcServer, "hostPort");
        const ad = external.adIntegration;
        if (ad) {
            checkRealm(problems, "externalKdc.adIntegration.adRealm", ad.adRealm);
            if (typeof ad.adRealm === "string" && ad.adRealm === args.realm) {
                problems.push({
                    path: "externalKdc.adIntegration.adRealm",
                    code: "conflicting-arguments",
                    message: `externalKdc.adIntegration.adRealm must differ from the cluster's realm (${ad.adRealm})`,
                });
            }
            checkFormat(problems, "externalKdc.adIntegration.adDomain", ad.adDomain, "dnsName");
            checkFormat(problems, "externalKdc.adIntegration.adServer", ad.adServer, "hostPort");
        }
    }
    const needs = kerberosNeeds(args);
    if (needs.adJoin && args.adDomainJoinUser === undefined) {
        problems.push({
            path: "adDomainJoinUser",
            code: "missing-required",
            message: `adDomainJoinUser is required with Active Directory: EMR joins the nodes to the domain with it`,
        });
    }
    if (!needs.adJoin) {
        for (const field of ["adDomainJoinUser", "adDomainJoinPassword"] as const) {
            if (args[field] !== undefined) {
                problems.push({
                    path: field,
                    code: "conflicting-arguments",
                    message: `${field} applies only with Active Directory (crossRealmTrust or externalKdc.adIntegration)`,
                });
            }
        }
    }
    if (!needs.crossRealmPassword && args.crossRealmTrustPrincipalPassword !== undefined) {
        problems.push({
            path: "crossRealmTrustPrincipalPassword",
            code: "conflicting-arguments",
            message: `crossRealmTrustPrincipalPassword applies only with crossRealmTrust: EMR refuses it otherwise`,
        });
    }
    for (const field of ["kdcAdminPassword", "crossRealmTrustPrincipalPassword", "adDomainJoinPassword", "adDomainJoinUser"] as const) {
        if (!isDeferred(args[field])) {
            problems.push(...secretProblems(field, args[field]));
        }
    }
    return problems;
}

/**
 * A password or account name: a string of 1 to 256 characters. Checked at construction and again
 * when an output resolves. The value is never echoed: it may be a password.
 */
export function secretProblems(field: string, value: unknown): Problem[] {
    return value !== undefined && (typeof value !== "string" || value.length === 0 || value.length > 256)
        ? [
              {
                  path: field,
                  code: typeof value === "string" ? "out-of-range" : "wrong-type",
                  message: `${field} must be a string of 1 to 256 characters`,
              },
          ]
        : [];
}

/** The checks that need resolved values: realms compared once outputs are known. */
export function checkResolvedRealms(realm: string, trustedRealm: string | undefined): Problem[] {
    const problems: Problem[] = [];
    checkRealm(problems, "realm", realm);
    if (trustedRealm !== undefined && trustedRealm === realm) {
        problems.push({
            path: "crossRealmTrust.realm",
            code: "conflicting-arguments",
            message: `crossRealmTrust.realm must differ from the cluster's realm (${realm})`,
        });
    }
    return problems;
}

/**
 * The security configuration's `kerberosConfiguration` for these settings. `given` receives each
 * value the caller wrote, so that a parent that has checked them can stand in for them when it
 * checks the document as a whole.
 */
export function kerberosConfigurationSection(
    args: KerberosArgs,
    given: <T>(value: pulumi.Input<T>) => pulumi.Input<T> = (value) => value,
): KerberosConfiguration {
    const ticketLifetimeInHours =
        args.ticketLifetimeInHours === undefined ? DEFAULT_TICKET_LIFETIME_HOURS : given(args.ticketLifetimeInHours);
    const hostsOf = (from: { adminServer: pulumi.Input<string>; kdcServer: pulumi.Input<string> }) => ({
        adminServer: given(from.adminServer),
        kdcServer: given(from.kdcServer),
    });
    if ((args.provider ?? "ClusterDedicatedKdc") === "ExternalKdc") {
        const external = args.externalKdc!;
        const ad = external.adIntegration;
        return {
            provider: "ExternalKdc",
            externalKdcConfiguration: {
                ticketLifetimeInHours,
                kdcServerType: "Single",
                ...hostsOf(external),
                ...(ad && {
                    adIntegrationConfiguration: {
                        adRealm: given(ad.adRealm),
                        adDomain: given(ad.adDomain),
                        adServer: ad.adServer === undefined ? undefined : given(ad.adServer),
                    },
                }),
            },
        };
    }
    const trust = args.crossRealmTrust;
    return {
        provider: "ClusterDedicatedKdc",
        clusterDedicatedKdcConfiguration: {
            ticketLifetimeInHours,
            ...(trust && {
                crossRealmTrustConfiguration: { realm: given(trust.realm), domain: given(trust.domain), ...hostsOf(trust) },
            }),
        },
    };
}
