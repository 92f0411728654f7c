import { AUTHENTICATION } from "../compliance";
import { isObject } from "../model";
import { CLUSTER_TYPES } from "../resources";
import { stackRule } from "../analyses/kit";
import { documentOf, StackView } from "../analyses/stackView";

function nonEmpty(value: unknown): boolean {
    return typeof value === "string" && value.length > 0;
}

export const emrClusterKerberosAttributes = stackRule(
    {
        name: "emr-cluster-kerberos-attributes",
        description:
            "A cluster and its security configuration must agree on Kerberos: a Kerberos configuration needs kerberosAttributes with a realm, and the reverse.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: AUTHENTICATION,
        remediationSteps:
            "Give a cluster whose security configuration uses Kerberos kerberosAttributes with realm and kdcAdminPassword (plus crossRealmTrustPrincipalPassword with a trust, and adDomainJoinUser/adDomainJoinPassword with Active Directory), from secrets; remove kerberosAttributes from clusters without Kerberos. The emr-security Kerberos component outputs them.",
    },
    {},
    (args) => {
        const findings: { resource: string; message: string }[] = [];
        const stack = StackView.of(args.resources);
        for (const cluster of stack.ofTypes(CLUSTER_TYPES)) {
            const name = cluster.props.securityConfiguration;
            const configuration = typeof name === "string" ? stack.securityConfigurationNamed(name) : undefined;
            const document = configuration && documentOf(configuration);
            if (!document) {
                // No configuration in this stack to compare with: it may be managed elsewhere.
                continue;
            }
            const attributes = cluster.props.kerberosAttributes;
            const authentication = document.AuthenticationConfiguration;
            const kerberos = isObject(authentication) ? authentication.KerberosConfiguration : undefined;
            const report = (message: string) => findings.push({ resource: cluster.urn, message });
            if (!isObject(kerberos)) {
                if (attributes !== undefined) {
                    report(
                        `The cluster sends kerberosAttributes, but its security configuration ${name} has no Kerberos: EMR refuses the cluster. Remove them or use a Kerberos configuration.`,
                    );
                }
                continue;
            }
            if (!isObject(attributes)) {
                report(
                    `The security configuration ${name} uses Kerberos, but the cluster has no kerberosAttributes: EMR refuses the cluster. Add them with realm and kdcAdminPassword.`,
                );
                continue;
            }
            // Only whether values are present is checked; passwords are never read out.
            if (!nonEmpty(attributes.realm)) {
                report(
                    "The cluster's kerberosAttributes have no realm. Set it (by convention the domain in upper case, e.g. EC2.INTERNAL).",
                );
            }
            if (!nonEmpty(attributes.kdcAdminPassword)) {
                report("The cluster's kerberosAttributes have no kdcAdminPassword. Set it from a secret.");
            }
            const dedicated = kerberos.ClusterDedicatedKdcConfiguration;
            const trust = isObject(dedicated) && isObject(dedicated.CrossRealmTrustConfiguration);
            if (trust && !nonEmpty(attributes.crossRealmTrustPrincipalPassword)) {
                report(
                    `The security configuration ${name} has a cross-realm trust, but the cluster's kerberosAttributes have no crossRealmTrustPrincipalPassword. Set it to the trust's password, from a secret.`,
                );
            }
            if (!trust && attributes.crossRealmTrustPrincipalPassword !== undefined) {
                report(
                    `The cluster sends a crossRealmTrustPrincipalPassword, but its security configuration ${name} has no cross-realm trust: EMR refuses it. Remove it.`,
                );
            }
            const external = kerberos.ExternalKdcConfiguration;
            if (
                isObject(external) &&
                isObject(external.AdIntegrationConfiguration) &&
                (!nonEmpty(attributes.adDomainJoinUser) || !nonEmpty(attributes.adDomainJoinPassword))
            ) {
                report(
                    `The security configuration ${name} integrates Active Directory, but the cluster's kerberosAttributes lack adDomainJoinUser or adDomainJoinPassword. Set both.`,
                );
            }
        }
        return findings;
    },
);
