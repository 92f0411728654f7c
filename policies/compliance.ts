/**
 * Compliance mappings, from the controls that AWS Security Hub, AWS Config conformance packs and
 * the CloudFormation Guard registry map to the same checks. Each rule gets one primary framework
 * (the policy SDK takes one) and tags for all of them: `<framework>:<control>`.
 */
import { PolicyComplianceFramework } from "@pulumi/policy";

export interface Compliance {
    framework: PolicyComplianceFramework;
    tags: string[];
}

const NIST = (controls: string[]) => controls.map((c) => `nist-800-53-r5:${c}`);
const PCI = (controls: string[]) => controls.map((c) => `pci-dss:${c}`);
const HIPAA = (controls: string[]) => controls.map((c) => `hipaa:${c}`);
const FEDRAMP = (controls: string[]) => controls.map((c) => `fedramp:${c}`);

/** NIST SP 800-53 Rev. 5: `reference` is the control, `specification` its title. */
function framework(reference: string, specification: string): PolicyComplianceFramework {
    return { name: "NIST SP 800-53", version: "Rev. 5", reference, specification };
}

function nist(reference: string, specification: string, tags: string[]): Compliance {
    return { framework: framework(reference, specification), tags: ["emr", ...tags] };
}

export const AT_REST: Compliance = nist("SC-28", "Protection of Information at Rest", [
    ...NIST(["SC-28", "SC-28(1)", "CA-9(1)", "CP-9(8)", "SI-12"]),
    ...PCI(["3.4", "3.5.1"]),
    ...HIPAA(["164.312(a)(2)(iv)"]),
    ...FEDRAMP(["SC-28"]),
]);

export const IN_TRANSIT: Compliance = nist("SC-8", "Transmission Confidentiality and Integrity", [
    ...NIST(["AC-4", "SC-7(4)", "SC-8", "SC-8(1)", "SC-8(2)", "SC-13", "SC-23", "SC-23(3)"]),
    ...PCI(["4.2.1"]),
    ...HIPAA(["164.312(e)(1)", "164.312(e)(2)(ii)"]),
    ...FEDRAMP(["SC-8"]),
]);

export const AUTHENTICATION: Compliance = nist("IA-2", "Identification and Authentication (Organizational Users)", [
    ...NIST(["AC-2(j)", "AC-3", "AC-5", "AC-6", "IA-2"]),
    ...PCI(["7.2.1"]),
    ...HIPAA(["164.308(a)(3)(i)", "164.308(a)(4)(i)", "164.312(a)(1)"]),
    ...FEDRAMP(["IA-2"]),
]);

export const CONFIGURATION: Compliance = nist("CM-6", "Configuration Settings", [
    ...NIST(["CM-6", "CM-7"]),
    ...PCI(["2.2.1"]),
    ...HIPAA(["164.308(a)(1)(ii)(B)"]),
    ...FEDRAMP(["CM-6"]),
]);

export const NETWORK_ACCESS: Compliance = nist("SC-7", "Boundary Protection", [
    ...NIST(["AC-3", "AC-4", "AC-21", "SC-7", "SC-7(3)", "SC-7(4)"]),
    ...PCI(["1.4.4"]),
    ...HIPAA(["164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]),
    ...FEDRAMP(["SC-7"]),
]);

export const KEY_MANAGEMENT: Compliance = {
    framework: framework("SC-12", "Cryptographic Key Establishment and Management"),
    tags: [
        "kms",
        ...NIST(["SC-12", "SC-12(2)", "SC-28(3)", "CM-6a"]),
        ...PCI(["3.6.4", "3.7.4"]),
        ...HIPAA(["164.312(a)(2)(iv)"]),
        ...FEDRAMP(["SC-12"]),
    ],
};

export const KEY_ACCESS: Compliance = {
    framework: framework("AC-6", "Least Privilege"),
    tags: ["kms", ...NIST(["AC-3", "AC-6", "SC-12"]), ...PCI(["3.5.2", "7.2.1"]), ...HIPAA(["164.312(a)(1)"]), ...FEDRAMP(["AC-6"])],
};

export const AUDIT_LOGGING: Compliance = nist("AU-12", "Audit Record Generation", [
    ...NIST(["AU-2", "AU-3", "AU-9", "AU-12", "SC-28"]),
    ...PCI(["10.2.1", "10.3.2"]),
    ...HIPAA(["164.312(b)"]),
    ...FEDRAMP(["AU-12"]),
]);
