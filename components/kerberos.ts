import * as pulumi from "@pulumi/pulumi";
import { RandomPassword } from "@pulumi/random/randomPassword";
import { isDeferred } from "./argumentChecks";
import { throwIfProblems, unlessCheckedByParent } from "./invalidArguments";
import {
    checkKerberosArgs,
    checkResolvedRealms,
    kerberosConfigurationSection,
    KerberosArgs,
    kerberosNeeds,
    secretProblems,
} from "./kerberosSettings";
import { KerberosConfiguration } from "./securityConfigurationArgs";

/** The `kerberosAttributes` an `aws.emr.Cluster` takes. */
export interface ClusterKerberosAttributes {
    /** The cluster's realm. */
    realm: string;
    /** The KDC admin password. */
    kdcAdminPassword: string;
    /** The cross-realm trust password, with a trust. */
    crossRealmTrustPrincipalPassword?: string;
    /** The domain-join account, with Active Directory. */
    adDomainJoinUser?: string;
    /** The domain-join password, with Active Directory. */
    adDomainJoinPassword?: string;
}

/**
 * Kerberos for EMR: the security-configuration section for a cluster-dedicated KDC (optionally
 * trusting Active Directory) or an external KDC, and the cluster's secret Kerberos attributes,
 * with passwords generated where they can be.
 */
export class Kerberos extends pulumi.ComponentResource {
    /** The security configuration's `authenticationConfiguration.kerberosConfiguration`. */
    public readonly kerberosConfiguration: pulumi.Output<KerberosConfiguration>;
    /** The `kerberosAttributes` for `aws.emr.Cluster` (secret). */
    public readonly clusterAttributes: pulumi.Output<ClusterKerberosAttributes>;
    /** The KDC admin password (secret). */
    public readonly kdcAdminPassword: pulumi.Output<string>;
    /** The cross-realm trust password (secret), with a trust: set the other realm's trust with it. */
    public readonly crossRealmTrustPrincipalPassword: pulumi.Output<string | undefined>;
    /** The domain-join password (secret), with Active Directory. */
    public readonly adDomainJoinPassword: pulumi.Output<string | undefined>;

    constructor(name: string, args: KerberosArgs, opts?: pulumi.ComponentResourceOptions) {
        super("emr-security:index:Kerberos", name, {}, opts);
        const invalid = `Invalid arguments for Kerberos "${name}"`;
        throwIfProblems(invalid, unlessCheckedByParent(args, checkKerberosArgs), this);
        const needs = kerberosNeeds(args);

        // A given password that arrives as an output is checked when it resolves; a plain one was checked above.
        const password = (given: pulumi.Input<string> | undefined, field: string, role: string): pulumi.Output<string> =>
            pulumi.secret(
                given === undefined
                    ? generatedPassword(`${name}-${role}`, this).result
                    : pulumi.output(given).apply((value) => {
                          throwIfProblems(invalid, isDeferred(given) ? secretProblems(field, value) : [], this);
                          return value;
                      }),
            );
        this.kdcAdminPassword = password(args.kdcAdminPassword, "kdcAdminPassword", "kdc-admin-password");
        const crossRealm = needs.crossRealmPassword
            ? password(args.crossRealmTrustPrincipalPassword, "crossRealmTrustPrincipalPassword", "cross-realm-password")
            : undefined;
        const adJoin = needs.adJoin ? password(args.adDomainJoinPassword, "adDomainJoinPassword", "ad-join-password") : undefined;
        this.crossRealmTrustPrincipalPassword = pulumi.secret(pulumi.output(crossRealm));
        this.adDomainJoinPassword = pulumi.secret(pulumi.output(adJoin));

        const realm = pulumi.all([args.realm, args.crossRealmTrust?.realm]).apply(([clusterRealm, trustedRealm]) => {
            const late = isDeferred(args.realm) || isDeferred(args.crossRealmTrust?.realm);
            throwIfProblems(invalid, late ? checkResolvedRealms(clusterRealm, trustedRealm) : [], this);
            return clusterRealm;
        });
        this.kerberosConfiguration = pulumi.output(kerberosConfigurationSection(args));
        this.clusterAttributes = pulumi.secret(
            pulumi
                .all([realm, this.kdcAdminPassword, crossRealm, args.adDomainJoinUser, adJoin])
                .apply(([r, kdc, trust, joinUser, joinPassword]) => {
                    throwIfProblems(invalid, isDeferred(args.adDomainJoinUser) ? secretProblems("adDomainJoinUser", joinUser) : [], this);
                    const attributes: ClusterKerberosAttributes = { realm: r, kdcAdminPassword: kdc };
                    if (trust !== undefined) {
                        attributes.crossRealmTrustPrincipalPassword = trust;
                    }
                    if (joinUser !== undefined) {
                        attributes.adDomainJoinUser = joinUser;
                        attributes.adDomainJoinPassword = joinPassword;
                    }
                    return attributes;
                }),
        );
        this.registerOutputs({
            kerberosConfiguration: this.kerberosConfiguration,
            clusterAttributes: this.clusterAttributes,
            kdcAdminPassword: this.kdcAdminPassword,
            crossRealmTrustPrincipalPassword: this.crossRealmTrustPrincipalPassword,
            adDomainJoinPassword: this.adDomainJoinPassword,
        });
    }
}

/**
 * 32 characters with every character class, from a set that is safe in kadmin, ksetup and netdom
 * command lines (no quotes, backslash, `$` or `/`). Kept across updates: it has no keepers.
 */
function generatedPassword(name: string, parent: pulumi.Resource): RandomPassword {
    return new RandomPassword(
        name,
        { length: 32, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 2, overrideSpecial: "!#%+,-.:=?@^_~" },
        { parent },
    );
}
