import { IN_TRANSIT } from "../compliance";
import { isObject, jobTemplateConfigurations, quote, submitArguments } from "../model";
import { JOB_TEMPLATE, TEMPLATE_PARAMETER } from "../resources";
import { parseBoolean } from "../analyses/applicationOverrides";
import { resourceRule } from "../analyses/kit";

/** The Spark switches AWS's EMR on EKS guidance names, all off in Spark unless set (policies/reference/emr.md §7). */
const SWITCHES = [
    { property: "spark.authenticate", what: "authentication between the driver and its executors" },
    { property: "spark.network.crypto.enabled", what: "encryption of Spark's RPC traffic (shuffle, broadcast and control messages)" },
    { property: "spark.io.encryption.enabled", what: "encryption of the shuffle and spill files Spark writes to local disk" },
];

export const emrEksSparkEncryption = resourceRule(
    {
        name: "emr-eks-spark-encryption",
        description:
            "EMR on EKS job templates turn on Spark's authentication and RPC encryption (spark.authenticate, spark.network.crypto.enabled) and the encryption of its local shuffle and spill files (spark.io.encryption.enabled), which EMR on EKS leaves off.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: { ...IN_TRANSIT, tags: [...IN_TRANSIT.tags, "application-configuration"] },
        remediationSteps:
            'Set spark.authenticate, spark.network.crypto.enabled and spark.io.encryption.enabled to "true" in the job template: in a spark-defaults classification of configurationOverrides.applicationConfigurations, or with --conf in sparkSubmitParameters (which Spark prefers). On EMR 5.x (Spark 2.4), Spark on Kubernetes does not generate the secret spark.authenticate needs: use an EMR 6.x or later release. A job\'s own code can still change these settings, which the stack does not show.',
    },
    [JOB_TEMPLATE],
    {},
    (props) => {
        const data = isObject(props.jobTemplateData) ? props.jobTemplateData : {};
        const driver = isObject(data.jobDriver) ? data.jobDriver : {};
        // The API takes exactly one driver; spark-sql passes its parameters to spark-submit.
        const [field, parameters] = isObject(driver.sparkSubmitJobDriver)
            ? ["sparkSubmitParameters", driver.sparkSubmitJobDriver.sparkSubmitParameters]
            : ["sparkSqlParameters", isObject(driver.sparkSqlJobDriver) ? driver.sparkSqlJobDriver.sparkSqlParameters : undefined];
        const submitted = submitArguments(typeof parameters === "string" ? parameters : "");
        const defaults = jobTemplateConfigurations(props).settings.filter((s) => s.classification === "spark-defaults");
        return SWITCHES.flatMap(({ property, what }) => {
            // Spark takes a --conf over spark-defaults, and the last --conf of a property.
            const flag = submitted.confs.filter((c) => c.property === property).pop();
            if (!flag && submitted.propertiesFile !== undefined) {
                return [
                    `${field} name --properties-file ${quote(submitted.propertiesFile)}, which Spark reads instead of spark-defaults, so whether ${property} is on is not in the stack. Set it with --conf ${property}=true.`,
                ];
            }
            const values = flag
                ? [{ where: field, value: flag.value }]
                : defaults.filter((s) => s.property === property).map((s) => ({ where: "spark-defaults", value: s.value }));
            if (values.length === 0) {
                return [
                    `The job template does not set ${property}, and Spark leaves it off: jobs run without ${what}. Set it to "true" in spark-defaults or with --conf.`,
                ];
            }
            return values.flatMap(({ where, value }) => {
                if (TEMPLATE_PARAMETER.test(value.trim())) {
                    return [
                        `${where} sets ${property} to the template parameter ${quote(value.trim())}, given when each job starts, so the stack cannot show whether jobs run with ${what}. Set it to "true" in the template.`,
                    ];
                }
                const on = parseBoolean("strict", value, false);
                if (on === undefined) {
                    return [
                        `${where} sets ${property} to ${quote(value)}, which is not true or false: Spark refuses it and the job fails. Set it to "true".`,
                    ];
                }
                return on ? [] : [`${where} sets ${property} to ${quote(value)}: jobs run without ${what}. Set it to "true".`];
            });
        });
    },
);
