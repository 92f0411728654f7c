import { IN_TRANSIT } from "../compliance";
import { allowedOverridesOption, findingsOfKind } from "../analyses/applicationOverrides";
import { stackRule } from "../analyses/kit";

const OPTIONS = allowedOverridesOption('classification/property pairs accepted on purpose, e.g. "yarn-site/yarn.http.policy".');

export const emrClusterApplicationEncryption = stackRule(
    {
        name: "emr-cluster-application-encryption",
        description:
            "A cluster's application configurations (cluster, instance groups and fleets) must not switch off what its security configuration turns on: Hadoop RPC privacy, HDFS block encryption, shuffle and UI TLS, Spark RPC, Presto, HBase, Flink and ZooKeeper TLS.",
        enforcementLevel: "mandatory",
        severity: "high",
        compliance: { ...IN_TRANSIT, tags: [...IN_TRANSIT.tags, "application-configuration"] },
        remediationSteps:
            "Remove the named property from the cluster's configurations (or the instance group's or fleet's), or set it to the value EMR uses. To accept a documented opt-out on purpose, list its classification/property in allowedOverrides.",
        configSchema: OPTIONS.configSchema,
    },
    OPTIONS.defaults,
    (args, config) => findingsOfKind("weakens", args.resources, config.allowedOverrides),
);
