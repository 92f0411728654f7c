import * as assert from "assert";
import { RULES } from "../../policies/rules";

describe("compliance tags", () => {
    it("every rule carries NIST 800-53, PCI DSS, HIPAA and FedRAMP controls, as the README and the pack's reference say", () => {
        for (const rule of RULES) {
            for (const framework of ["nist-800-53-r5:", "pci-dss:", "hipaa:", "fedramp:"]) {
                assert.ok(
                    (rule.tags ?? []).some((t) => t.startsWith(framework)),
                    `${rule.name} has no ${framework} tag`,
                );
            }
            assert.ok(rule.framework?.reference, `${rule.name} has no framework reference`);
        }
    });
});
