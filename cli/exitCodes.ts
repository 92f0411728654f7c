/**
 * The command's exit codes: each means one thing, so that a CI job can tell a policy failure from a
 * broken build. The README's table is checked against this one by a test.
 */
export const EXIT_CODES = {
    /** synth ran the program; check found no mandatory violation. */
    ok: 0,
    /** check: at least one mandatory violation remains. */
    mandatory: 1,
    /** The command line, the project folder, its Pulumi.yaml, stack config or policy config is wrong. */
    usage: 2,
    /** The program failed, exited early, never finished, or ran past --timeout. */
    program: 3,
    /** Stopped by SIGINT (Ctrl-C): 128 + 2, as shells report it. */
    SIGINT: 130,
    /** Stopped by SIGTERM: 128 + 15. */
    SIGTERM: 143,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
