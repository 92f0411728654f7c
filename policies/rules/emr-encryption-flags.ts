import { CONFIGURATION } from "../compliance";
import { isObject } from "../model";
import { ARC, documentRule, EC, ITC, lookup } from "../analyses/kit";

const SECTIONS: [flag: string, section: string][] = [
    ["EnableAtRestEncryption", ARC],
    ["EnableInTransitEncryption", ITC],
];

/**
 * A section whose enable flag is false or absent is valid (EMR assumes false when the flag is
 * omitted, and ignores the section), but it reads as if encryption were on. The encryption rules
 * judge whether encryption is on; this one says the document is misleading.
 */
export const emrEncryptionFlags = documentRule(
    {
        name: "emr-encryption-flags",
        description:
            "An encryption section should come with its enable flag set to true: EMR ignores a section whose flag is false or missing.",
        enforcementLevel: "advisory",
        severity: "low",
        compliance: CONFIGURATION,
        remediationSteps:
            "Set EnableAtRestEncryption (or EnableInTransitEncryption) to true to use the section, or remove the section if that encryption is meant to be off.",
    },
    {},
    (document) => {
        const ec = lookup(document, [EC]).value;
        if (!isObject(ec)) {
            return { notApplicable: "the document has no EncryptionConfiguration" };
        }
        return SECTIONS.filter(([flag, section]) => ec[section] !== undefined && ec[flag] !== true && typeof ec[flag] !== "string").map(
            ([flag, section]) =>
                `${EC}.${section} is present but ${flag} is ${ec[flag] === undefined ? "missing (EMR assumes false)" : "false"}, so EMR ignores the section. Set ${flag} to true, or remove the section.`,
        );
    },
);
