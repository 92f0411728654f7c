/** The built `emr-security` command, run as a user runs it, for the CLI tests. */
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "../..");
export const CLI = path.join(ROOT, "bin/cli/emr-security.js");
export const PROGRAMS = path.join(ROOT, "test/fixtures/programs");

export interface CommandRun {
    code: number | null;
    stdout: string;
    stderr: string;
    seconds: number;
}

/** Runs the command from the repository's root with `env` over this process's, for at most `timeoutMs`. */
export function runCommand(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): CommandRun {
    const began = Date.now();
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: timeoutMs,
        env: { ...process.env, ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - began) / 1000 };
}
