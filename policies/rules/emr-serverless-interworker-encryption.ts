import { IN_TRANSIT } from "../compliance";
import { compareReleases, parseReleaseLabel, quote, serverlessConfigurations } from "../model";
import { SERVERLESS_APPLICATION_TYPES } from "../resources";
import { parseBoolean } from "../analyses/applicationOverrides";
import { resourceRule } from "../analyses/kit";

/** EMR Serverless's inter-worker mutual TLS (policies/reference/emr.md §7). */
const PROPERTY = "spark.ssl.internode.enabled";
const SINCE = { major: 6, minor: 15, patch: 0 };

export const emrServerlessInterworkerEncryption = resourceRule(
    {
        name: "emr-serverless-interworker-encryption",
        description:
            "EMR Serverless Spark applications turn on mutual TLS between workers (spark.ssl.internode.enabled in spark-defaults, EMR 6.15.0 and later), which encrypts shuffle data and control messages.",
        enforcementLevel: "advisory",
        severity: "medium",
        compliance: IN_TRANSIT,
        remediationSteps:
            'Give the application a runtime configuration { classification: "spark-defaults", properties: { "spark.ssl.internode.enabled": "true" } } on releaseLabel emr-6.15.0 or later. A job can set it itself, which the stack does not show; with Lake Formation it is on by default: record an exception with that reason.',
    },
    SERVERLESS_APPLICATION_TYPES,
    {},
    (props, _config, args) => {
        if (typeof props.type !== "string" || props.type.toLowerCase() !== "spark") {
            return { notApplicable: "not a Spark application" };
        }
        const label = typeof props.releaseLabel === "string" ? props.releaseLabel : undefined;
        const release = label === undefined ? undefined : parseReleaseLabel(label);
        if (release && compareReleases(release, SINCE) < 0) {
            return [
                `Inter-worker TLS needs EMR 6.15.0 or later; the application runs ${quote(label!)}, so shuffle data between workers travels in clear. Raise releaseLabel.`,
            ];
        }
        const settings = serverlessConfigurations(args.type, props).settings.filter(
            (s) => s.classification === "spark-defaults" && s.property === PROPERTY,
        );
        if (settings.length === 0) {
            return [
                `The application does not turn on inter-worker TLS: set ${PROPERTY} to "true" in its spark-defaults runtime configuration, so shuffle data and control messages between workers are encrypted.`,
            ];
        }
        // Each value given is judged: which of two the service would apply is not documented.
        return settings.flatMap(({ value }) => {
            const on = parseBoolean("strict", value, false);
            if (on === undefined) {
                return [
                    `spark-defaults sets ${PROPERTY} to ${quote(value)}, which is not a boolean ("true" or "false"). Set it to "true".`,
                ];
            }
            return on
                ? []
                : [
                      `spark-defaults sets ${PROPERTY} to ${quote(value)}: shuffle data and control messages between workers travel in clear. Set it to "true".`,
                  ];
        });
    },
);
