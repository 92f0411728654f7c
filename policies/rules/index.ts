import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { emrSecurityConfigurationValid } from "./emr-security-configuration-valid";

/** Every rule of the pack, in the order the pack lists them. Constructing nothing. */
export const RULES: (ResourceValidationPolicy | StackValidationPolicy)[] = [emrSecurityConfigurationValid];
