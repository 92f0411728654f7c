import { CONFIGURATION } from "../compliance";
import { CLUSTER_TYPES } from "../resources";
import { resourceRule } from "../analyses/kit";

export const emrClusterSecurityConfiguration = resourceRule(
    {
        name: "emr-cluster-security-configuration",
        description: "EMR clusters must name a security configuration.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...CONFIGURATION, tags: [...CONFIGURATION.tags, "encryption"] },
        remediationSteps:
            "Set the cluster's securityConfiguration to the name of an encrypted security configuration, e.g. the securityConfigurationName output of the emr-security SecureEmrBaseline. A name managed outside this stack is accepted.",
    },
    CLUSTER_TYPES,
    {},
    (props) => {
        const name = props.securityConfiguration;
        return typeof name === "string" && name.trim() !== ""
            ? []
            : [
                  "The cluster names no security configuration, so it runs without EMR's encryption and authentication settings. Set securityConfiguration.",
              ];
    },
);
