/**
 * The public shapes of in-process evaluation. They stand apart from the evaluator so that the
 * package's declarations never reach `@pulumi/policy`'s, which do not type-check in a strict
 * consumer without `skipLibCheck`.
 */

export interface PolicyResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    urn?: string;
    /** The URN of the parent resource, if any. */
    parent?: string;
    /** Resource options, as the engine reports them. */
    opts?: { protect?: boolean; retainOnDelete?: boolean; additionalSecretOutputs?: string[] };
}

export interface PolicyFinding {
    policy: string;
    /** The URN of the resource the finding is about; absent for findings about the whole stack. */
    resource?: string;
    level: "advisory" | "mandatory" | "remediate";
    message: string;
    /**
     * Set when the finding is a deferral, not advice: the check waits for a value unknown at
     * preview (`unknown`, its property path) and runs at update.
     */
    deferral?: { policy: string; unknown?: string };
    /**
     * Set when a policy exception of the config exempts the violation: it does not fail the run,
     * and is reported with the exception's id and reason.
     */
    exemption?: { id: string; reason: string };
}

export interface EvaluateOptions {
    /**
     * The pack's config in `--policy-pack-config` form: `all`, per rule a level or
     * `{ enforcementLevel, ...options }`, and `exceptions` as Pulumi defines them (by id, each with a
     * `reason` and `match` entries of `policies` and `targets`), which mark the violations they exempt.
     */
    config?: Record<string, unknown>;
    /** Evaluate as `pulumi preview` does: a rule that reads an `UNKNOWN` value reports it cannot run yet. */
    preview?: boolean;
}
