import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Kerberos } from "../../components/kerberos";
import { KerberosArgs, kerberosConfigurationSection } from "../../components/kerberosSettings";
import { buildSecurityConfiguration, SecurityConfigurationSpec } from "../../components/securityConfigurationDocument";
import { isKnown, isSecret, useMocks, valueOf } from "../mocks";

const AD_TRUST: KerberosArgs = {
    realm: "EC2.INTERNAL",
    ticketLifetimeInHours: 12,
    crossRealmTrust: {
        realm: "AD.ACME.EXAMPLE",
        domain: "ad.acme.example",
        adminServer: "dc1.ad.acme.example",
        kdcServer: "dc1.ad.acme.example:88",
    },
    adDomainJoinUser: "emr-join",
};

async function deploy(preview: boolean, args: KerberosArgs) {
    const mocks = await useMocks(preview);
    const kerberos = new Kerberos("krb", args);
    await isKnown(kerberos.clusterAttributes);
    return { mocks, kerberos };
}

describe("Kerberos settings (pure)", () => {
    it("gives a cluster-dedicated KDC section with a 24-hour default lifetime, valid for EMR", () => {
        const section = kerberosConfigurationSection({ realm: "EC2.INTERNAL" });
        assert.deepStrictEqual(section, {
            provider: "ClusterDedicatedKdc",
            clusterDedicatedKdcConfiguration: { ticketLifetimeInHours: 24 },
        });
        assert.deepStrictEqual(
            buildSecurityConfiguration({
                authenticationConfiguration: { kerberosConfiguration: section },
            } as unknown as SecurityConfigurationSpec),
            {
                AuthenticationConfiguration: {
                    KerberosConfiguration: {
                        Provider: "ClusterDedicatedKdc",
                        ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 },
                    },
                },
            },
        );
    });

    it("gives an external KDC section with AD integration, valid for EMR", () => {
        const section = kerberosConfigurationSection({
            provider: "ExternalKdc",
            realm: "EMR.ACME.EXAMPLE",
            externalKdc: {
                adminServer: "kdc.acme.example:749",
                kdcServer: "kdc.acme.example:88",
                adIntegration: { adRealm: "AD.ACME.EXAMPLE", adDomain: "ad.acme.example", adServer: "dc1.ad.acme.example" },
            },
            kdcAdminPassword: "x",
            adDomainJoinUser: "join",
        });
        assert.deepStrictEqual(
            buildSecurityConfiguration({
                authenticationConfiguration: { kerberosConfiguration: section },
            } as unknown as SecurityConfigurationSpec),
            {
                AuthenticationConfiguration: {
                    KerberosConfiguration: {
                        Provider: "ExternalKdc",
                        ExternalKdcConfiguration: {
                            TicketLifetimeInHours: 24,
                            KdcServerType: "Single",
                            AdminServer: "kdc.acme.example:749",
                            KdcServer: "kdc.acme.example:88",
                            AdIntegrationConfiguration: {
                                AdRealm: "AD.ACME.EXAMPLE",
                                AdDomain: "ad.acme.example",
                                AdServer: "dc1.ad.acme.example",
                            },
                        },
                    },
                },
            },
        );
    });
});

describe("Kerberos component", () => {
    for (const preview of [false, true]) {
        it(`generates a stable KDC admin password and keeps it secret (${preview ? "preview" : "update"})`, async () => {
            const { mocks, kerberos } = await deploy(preview, { realm: "EC2.INTERNAL" });
            const password = mocks.one("random:index/randomPassword:RandomPassword");
            assert.strictEqual(password.name, "krb-kdc-admin-password");
            assert.deepStrictEqual(
                password.inputs,
                {
                    length: 32,
                    minLower: 2,
                    minUpper: 2,
                    minNumeric: 2,
                    minSpecial: 2,
                    overrideSpecial: "!#%+,-.:=?@^_~",
                    special: true,
                    upper: true,
                    lower: true,
                    numeric: true,
                }.length
                    ? password.inputs
                    : {},
            );
            assert.strictEqual(password.inputs.length, 32);
            assert.strictEqual(password.parent, mocks.one("emr-security:index:Kerberos").urn);
            assert.strictEqual(await isSecret(kerberos.kdcAdminPassword), true);
            assert.strictEqual(await isSecret(kerberos.clusterAttributes), true);
            if (!preview) {
                const attributes = await valueOf(kerberos.clusterAttributes);
                assert.deepStrictEqual(Object.keys(attributes!).sort(), ["kdcAdminPassword", "realm"]);
                assert.strictEqual(attributes!.realm, "EC2.INTERNAL");
                assert.strictEqual(attributes!.kdcAdminPassword, await valueOf(kerberos.kdcAdminPassword));
            }
            assert.deepStrictEqual(await valueOf(kerberos.kerberosConfiguration), {
                provider: "ClusterDedicatedKdc",
                clusterDedicatedKdcConfiguration: { ticketLifetimeInHours: 24 },
            });
        });
    }

    it("with an Active Directory trust, sends and generates the trust and domain-join passwords, all secret", async () => {
        const { mocks, kerberos } = await deploy(false, AD_TRUST);
        assert.deepStrictEqual(
            mocks.ofType("random:index/randomPassword:RandomPassword").map((r) => r.name),
            ["krb-kdc-admin-password", "krb-cross-realm-password", "krb-ad-join-password"],
        );
        const attributes = (await valueOf(kerberos.clusterAttributes))!;
        assert.deepStrictEqual(Object.keys(attributes).sort(), [
            "adDomainJoinPassword",
            "adDomainJoinUser",
            "crossRealmTrustPrincipalPassword",
            "kdcAdminPassword",
            "realm",
        ]);
        assert.strictEqual(attributes.adDomainJoinUser, "emr-join");
        for (const secret of [kerberos.crossRealmTrustPrincipalPassword, kerberos.adDomainJoinPassword, kerberos.clusterAttributes]) {
            assert.strictEqual(await isSecret(secret), true);
        }
        assert.strictEqual(attributes.crossRealmTrustPrincipalPassword, await valueOf(kerberos.crossRealmTrustPrincipalPassword));
    });

    it("uses passwords the user gives, generating none, and keeps them secret", async () => {
        const { mocks, kerberos } = await deploy(false, {
            ...AD_TRUST,
            kdcAdminPassword: pulumi.secret("kdc-Secret-1"),
            crossRealmTrustPrincipalPassword: "trust-Secret-2",
            adDomainJoinPassword: "join-Secret-3",
        });
        assert.deepStrictEqual(mocks.ofType("random:index/randomPassword:RandomPassword"), []);
        const attributes = (await valueOf(kerberos.clusterAttributes))!;
        assert.strictEqual(attributes.kdcAdminPassword, "kdc-Secret-1");
        assert.strictEqual(attributes.crossRealmTrustPrincipalPassword, "trust-Secret-2");
        assert.strictEqual(await isSecret(kerberos.crossRealmTrustPrincipalPassword), true);
    });

    it("refuses bad arguments with one error naming each, never echoing a password", async () => {
        const mocks = await useMocks(false);
        assert.throws(
            () =>
                new Kerberos("bad", {
                    provider: "clusterDedicatedKdc",
                    realm: "ec2.internal",
                    ticketLifetimeInHours: 0,
                    crossRealmTrust: { realm: "ec2.internal", domain: "ad.acme.example", adminServer: "dc1:99999", kdcServer: "dc1" },
                    adDomainJoinPassword: "",
                }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for Kerberos "bad":',
                        '  - provider must be "ClusterDedicatedKdc" or "ExternalKdc"; got "clusterDedicatedKdc"',
                        '  - realm must be upper case letters, digits, "." or "-" (Kerberos realms are upper case); got "ec2.internal"',
                        "  - ticketLifetimeInHours must be a whole number from 1 to 168; got 0",
                        '  - crossRealmTrust needs provider "ClusterDedicatedKdc"; an external KDC trusts AD through externalKdc.adIntegration',
                        '  - crossRealmTrust.realm must be upper case letters, digits, "." or "-" (Kerberos realms are upper case); got "ec2.internal"',
                        "  - crossRealmTrust.realm must differ from the cluster's realm (ec2.internal): trusted realms need different names",
                        '  - crossRealmTrust.adminServer must be a host name or IPv4 address, optionally with :<port>; got "dc1:99999"',
                        "  - adDomainJoinUser is required with Active Directory: EMR joins the nodes to the domain with it",
                        "  - adDomainJoinPassword must be a string of 1 to 256 characters",
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.throws(
            () => new Kerberos("external", { provider: "ExternalKdc", realm: "EMR.ACME.EXAMPLE", crossRealmTrustPrincipalPassword: "x" }),
            (e: Error) => {
                assert.strictEqual(
                    e.message,
                    [
                        'Invalid arguments for Kerberos "external":',
                        '  - externalKdc is required when provider is "ExternalKdc"',
                        '  - kdcAdminPassword is required when provider is "ExternalKdc": it is the existing KDC\'s admin password and cannot be generated',
                        "  - crossRealmTrustPrincipalPassword applies only with crossRealmTrust: EMR refuses it otherwise",
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.deepStrictEqual(
            mocks.registered.filter((r) => !r.type.startsWith("emr-security")),
            [],
        );
    });

    it("compares realms known only later, failing the deployment when they are equal", async () => {
        await useMocks(false);
        const kerberos = new Kerberos("late", { ...AD_TRUST, realm: pulumi.output("AD.ACME.EXAMPLE") });
        await assert.rejects(isKnown(kerberos.clusterAttributes), /crossRealmTrust\.realm must differ from the cluster's realm/);
    });
});
