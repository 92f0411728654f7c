// The pack's entry: constructs the policy pack, once. Everything else lives in modules that
// construct nothing, so tests and the in-process API can load them freely.
import { PolicyPack } from "@pulumi/policy";
import { RULES } from "./rules";

new PolicyPack("emr-security", {
    description: "Amazon EMR encryption and authentication rules: exact security-configuration checks at preview time.",
    policies: RULES,
});
