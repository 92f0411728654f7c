/**
 * The properties of the package's schema that hold secrets. The SDK infers the schema from the
 * sources but has no way to say that a property is secret; the plugin host adds it from here, so
 * that generated SDKs treat these values as secrets in every language. `test/plugin` ties this
 * table to which outputs the components return as secrets.
 */

const KERBEROS_PASSWORDS = ["kdcAdminPassword", "crossRealmTrustPrincipalPassword", "adDomainJoinPassword"];

/** By component: the secret arguments and outputs. */
export const SECRET_RESOURCE_PROPERTIES: Record<string, { inputs: string[]; outputs: string[] }> = {
    InTransitCertificate: { inputs: ["privateKeyPem"], outputs: ["privateKeyPem", "archive"] },
    Kerberos: { inputs: KERBEROS_PASSWORDS, outputs: ["clusterAttributes", ...KERBEROS_PASSWORDS] },
    SecureEmrBaseline: { inputs: [], outputs: ["kerberosAttributes"] },
};

/** By nested argument type: the secret properties. */
export const SECRET_TYPE_PROPERTIES: Record<string, string[]> = {
    CertificateSettings: ["privateKeyPem"],
    KerberosSettings: KERBEROS_PASSWORDS,
};
