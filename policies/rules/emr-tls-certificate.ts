import { IN_TRANSIT } from "../compliance";
import { shown } from "../model";
import { TLS_CERTIFICATES, TLS_PRIVATE_KEY } from "../resources";
import { resourceRule } from "../analyses/kit";
import { option, ruleOptions } from "../analyses/ruleOptions";

/** Curves of at least P-256's strength; the tls provider's own default, P224, is not among them. */
const STRONG_CURVES = ["P256", "P384", "P521"];

const OPTIONS = ruleOptions({
    minRsaBits: option<number>({ type: "integer", minimum: 2048, default: 2048, description: "The smallest RSA key allowed, in bits." }),
    maxValidityHours: option<number>({
        type: "integer",
        minimum: 1,
        default: 8760,
        description: "The longest certificate validity allowed, in hours.",
    }),
});

export const emrTlsCertificate = resourceRule(
    {
        name: "emr-tls-certificate",
        description:
            "TLS keys must be RSA of at least 2048 bits, ECDSA P-256 or stronger, or Ed25519; certificates must not outlive the allowed validity.",
        enforcementLevel: "mandatory",
        severity: "medium",
        compliance: IN_TRANSIT,
        remediationSteps:
            'Use tls.PrivateKey with algorithm "RSA" and rsaBits 2048 or more, or "ECDSA" with ecdsaCurve P256 or stronger, and keep validityPeriodHours within the maximum; rotate by renewing (earlyRenewalHours).',
        configSchema: OPTIONS.configSchema,
    },
    [TLS_PRIVATE_KEY, ...TLS_CERTIFICATES],
    OPTIONS.defaults,
    (props, config, args) => {
        if (args.type !== TLS_PRIVATE_KEY) {
            const hours = props.validityPeriodHours;
            return typeof hours === "number" && hours <= config.maxValidityHours
                ? []
                : [
                      `The certificate is valid for ${shown(hours)} hours; at most ${config.maxValidityHours} are allowed. Shorten validityPeriodHours.`,
                  ];
        }
        switch (props.algorithm) {
            case "RSA": {
                // The provider's default size is 2048.
                const bits = props.rsaBits ?? 2048;
                return typeof bits === "number" && bits >= config.minRsaBits
                    ? []
                    : [`The RSA key has ${shown(bits)} bits; at least ${config.minRsaBits} are required. Raise rsaBits.`];
            }
            case "ECDSA": {
                const curve = props.ecdsaCurve ?? "P224";
                return typeof curve === "string" && STRONG_CURVES.includes(curve)
                    ? []
                    : [`The ECDSA key uses curve ${shown(curve)}; use P256, P384 or P521.`];
            }
            case "ED25519":
                return [];
            default:
                return [`The key algorithm is ${shown(props.algorithm)}; use RSA, ECDSA or ED25519.`];
        }
    },
);
