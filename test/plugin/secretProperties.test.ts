import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { InTransitCertificate } from "../../components/inTransitCertificate";
import { Kerberos } from "../../components/kerberos";
import { KmsKey } from "../../components/kmsKey";
import { SecureEmrBaseline } from "../../components/secureEmrBaseline";
import { SecurityConfiguration } from "../../components/securityConfiguration";
import { withSecretsMarked } from "../../plugin/schemaSecrets";
import { SECRET_RESOURCE_PROPERTIES } from "../../plugin/secretProperties";
import { ACCOUNT, BASELINE_ARGS, isSecret, REGION, useMocks } from "../mocks";

const TRUST = { realm: "AD.EXAMPLE.COM", domain: "ad.example.com", adminServer: "dc1.ad.example.com", kdcServer: "dc1.ad.example.com" };

describe("secret properties of the plugin's schema", () => {
    it("are exactly the outputs each component returns as secrets, each component built with every secret it can hold", async () => {
        await useMocks(false);
        const built: Record<string, pulumi.ComponentResource> = {
            InTransitCertificate: new InTransitCertificate("cert", { region: REGION }),
            Kerberos: new Kerberos("kerberos", { realm: "EC2.INTERNAL", crossRealmTrust: TRUST, adDomainJoinUser: "join" }),
            KmsKey: new KmsKey("key", { accountId: ACCOUNT, partition: "aws" }),
            SecureEmrBaseline: new SecureEmrBaseline("baseline", { ...BASELINE_ARGS, kerberos: { realm: "EC2.INTERNAL" } }),
            SecurityConfiguration: new SecurityConfiguration("config", {
                instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: 2, httpPutResponseHopLimit: 1 },
            }),
        };
        for (const [name, component] of Object.entries(built)) {
            const outputs = Object.entries(component).filter(
                ([key, value]) => key !== "urn" && !key.startsWith("__") && pulumi.Output.isInstance(value),
            );
            const secret: string[] = [];
            for (const [key, value] of outputs) {
                if (await isSecret(value)) {
                    secret.push(key);
                }
            }
            assert.deepStrictEqual(secret.sort(), [...(SECRET_RESOURCE_PROPERTIES[name]?.outputs ?? [])].sort(), name);
        }
    });

    it("are refused when the schema lacks one, so that a renamed argument cannot lose its secrecy quietly", () => {
        const schema = { name: "emr-security", resources: {}, types: {} };
        assert.throws(
            () => withSecretsMarked(JSON.stringify(schema)),
            /the schema has no InTransitCertificate argument\.privateKeyPem to mark secret/,
        );
    });
});
