/**
 * Runs a Pulumi program the way Pulumi's Node.js language host does: a child process started
 * through the program's own `@pulumi/pulumi/cmd/run`, with project, stack, config and preview mode
 * passed as the host passes them, talking over gRPC to the offline engine in this process. The
 * program's own module mode, tsconfig and type checking apply, and nothing here compiles
 * `node_modules`.
 */
import { spawn } from "child_process";
import { randomBytes } from "crypto";
import * as path from "path";
import { EngineServer, LogEntry } from "./engineServer";
import { EngineSettings, OfflineEngine } from "./offlineEngine";
import { ProjectFile, StackConfig } from "./stackConfig";
import { describe, groupMembers, markedProcesses, ProcessInfo, RUN_MARKER, signal } from "./processes";
import { isSecretEnvelope } from "../policies/secrets";

export interface ProgramRun {
    engine: OfflineEngine;
    /** The stack's outputs; secrets stay wrapped for the caller to mask. */
    outputs: Record<string, { value: unknown; secret: boolean }>;
    /** Why the run cannot be trusted: the program failed, exited early, or never finished. Empty when it ran to the end. */
    errors: string[];
    /** Warnings the program and its components logged. */
    warnings: string[];
    /** The signal that stopped the command while the program ran, if one did. */
    interrupted?: NodeJS.Signals;
}

export interface RunOptions extends EngineSettings {
    /** How long the program may take, start to exit. */
    timeoutSeconds: number;
    /** Where the program's own stdout and stderr go; never the command's stdout. */
    programOutput?: (chunk: string) => void;
}

/** Output a program writes that is kept to explain a failure. */
const KEPT_OUTPUT = 16 * 1024;

/** `node <dir>/node_modules/@pulumi/pulumi/cmd/run`, the entry Pulumi's language host starts. */
export function runEntry(dir: string): string {
    let manifest: string;
    try {
        manifest = require.resolve("@pulumi/pulumi/package.json", { paths: [dir] });
    } catch {
        throw new Error(`the program in ${dir} does not resolve @pulumi/pulumi: install its dependencies first (npm ci)`);
    }
    return path.join(path.dirname(manifest), "cmd", "run");
}

/** The runtime options of Pulumi.yaml that the Node.js language host reads. */
function runtimeOptions(project: ProjectFile): { typescript: boolean; tsconfig?: string; nodeargs: string[] } {
    const options = typeof project.runtime === "object" && project.runtime !== null ? (project.runtime.options ?? {}) : {};
    return {
        typescript: options.typescript !== false,
        tsconfig: typeof options.tsconfig === "string" ? options.tsconfig : undefined,
        nodeargs: typeof options.nodeargs === "string" ? options.nodeargs.split(/\s+/).filter(Boolean) : [],
    };
}

/** The SDK colours stack traces for a terminal; a report may go to a file or a CI log. */
const ANSI_STYLE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function logged(log: LogEntry[], severity: LogEntry["severity"]): string[] {
    return log
        .filter((l) => l.severity === severity)
        .map((l) => (l.urn ? `${l.urn.split("::").pop()}: ${l.message}` : l.message).replace(ANSI_STYLE, ""));
}

/** What the SDK prints when the process exits with its work unfinished. */
const LEAKED_PROMISES = /The Pulumi runtime detected that \d+ promises were still active/;

/** How the program's process ended, and what it left running. */
interface ProgramExit {
    code: number | null;
    signal: string | null;
    /** `--timeout` ran out while the program's process was still running. */
    timedOut: boolean;
    /** Processes of the program that were still running when it ended or ran out of time; all were stopped. */
    leftBehind: ProcessInfo[];
    /** The command itself was told to stop (SIGINT, SIGTERM) while the program ran. */
    interrupted?: NodeJS.Signals;
}

/** Why a run that ended (or was stopped) did not finish as Pulumi requires, in words that name the cause. */
function verdict(server: EngineServer, exit: ProgramExit, timeoutSeconds: number, output: string): string[] {
    const errors = logged(server.log, "error");
    if (exit.interrupted) {
        return [`stopped by ${exit.interrupted} before the program finished; the program and what it started were stopped.`, ...errors];
    }
    if (exit.timedOut) {
        const running = exit.leftBehind.length > 0 ? ` Still running, and stopped: ${describe(exit.leftBehind)}.` : "";
        return server.stackOutputs !== undefined
            ? [
                  `the program registered its stack outputs, but its process had not exited after ${timeoutSeconds} s (--timeout): a timer, an interval, a server or another open handle keeps its event loop alive, and Pulumi would wait for it too. Clear it, or unref() it.${running}`,
                  ...errors,
              ]
            : [
                  `the program did not finish within ${timeoutSeconds} s (--timeout) and was stopped: it is still waiting on something (a promise or output that never settles, a hung call), or needs a longer --timeout.${running}`,
                  ...errors,
              ];
    }
    // The SDK prints this at exit when resource work is still pending; had the event loop simply
    // emptied, the SDK would have signalled shutdown first. So the process was ended from inside.
    if (exit.code !== 0 && errors.length === 0 && !exit.signal && !server.shutdownSignalled && LEAKED_PROMISES.test(output)) {
        return [
            `the program's process exited (code ${exit.code}) before Pulumi's runtime finished, with resource operations still in flight: something called process.exit(). Resources registered after that point, and the stack's outputs, are missing. Remove the call: Pulumi ends the process itself.`,
        ];
    }
    if (exit.code !== 0) {
        const cause = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
        const tail = output.trim().split("\n").slice(-20).join("\n");
        return errors.length > 0 ? errors : [`the program ${cause}${tail ? `; its last output:\n${tail}` : ""}`];
    }
    if (!server.shutdownSignalled) {
        return [
            "the program's process exited (code 0) before Pulumi's runtime finished: something called process.exit(). Resources registered after that point, and the stack's outputs, may be missing. Remove the call: Pulumi ends the process itself.",
            ...errors,
        ];
    }
    if (server.stackOutputs === undefined) {
        return [
            "the program's stack outputs never resolved: an export is a promise or an Output that never settles, so Pulumi cannot finish the deployment.",
            ...errors,
        ];
    }
    return errors;
}

/** How long the command waits, once the program has exited and its processes are stopped, for the last of its output. */
const PIPE_GRACE_MS = 2000;

/** Scripts that ship beside this one in the build. */
const PRELOAD = path.join(__dirname, "programPreload.js");
const WATCHDOG = path.join(__dirname, "watchdog.js");

/** Stops every program this process is running, and everything they started; for signal handlers. */
const running = new Set<(why: NodeJS.Signals) => void>();

/** Stops the running programs and what they started, for a signal: their runs then end as interrupted. */
export function interruptRuns(why: NodeJS.Signals): boolean {
    const stops = [...running];
    for (const stop of stops) {
        stop(why);
    }
    return stops.length > 0;
}

/**
 * Starts the program in a process group of its own, and a watchdog that kills that group (and
 * whatever holds the program's pipes) the moment this process is gone, however it went. Resolves
 * once the program has exited and its output is read, or the timeout or a signal stopped it.
 */
function spawnProgram(
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; timeoutSeconds: number; keep: (chunk: Buffer) => void },
): Promise<ProgramExit> {
    return new Promise<ProgramExit>((resolve, reject) => {
        const id = `${process.pid}-${randomBytes(8).toString("hex")}`;
        const env = { ...options.env, [RUN_MARKER]: id };
        const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
        if (child.pid === undefined) {
            child.on("error", reject);
            return;
        }
        const group = child.pid;
        const watchdog = spawn(process.execPath, [WATCHDOG, String(group), id], { stdio: ["pipe", "ignore", "ignore"], detached: true });
        watchdog.on("error", () => undefined);
        watchdog.stdin?.on("error", () => undefined);
        watchdog.unref();

        const result: ProgramExit = { code: null, signal: null, timedOut: false, leftBehind: [] };
        let exited = false;
        let done = false;
        let grace: NodeJS.Timeout | undefined;
        const finish = () => {
            if (done) {
                return;
            }
            done = true;
            clearTimeout(timer);
            clearTimeout(grace);
            running.delete(stop);
            child.stdout.destroy();
            child.stderr.destroy();
            // Ending its stdin tells the watchdog to sweep once more and exit.
            watchdog.stdin?.end();
            resolve(result);
        };
        /** Kills the group and every marked process, noting which were still there. */
        const sweep = () => {
            const found = new Map<number, ProcessInfo>();
            for (const p of [...groupMembers(group), ...markedProcesses(id)]) {
                found.set(p.pid, p);
            }
            signal({ group }, "SIGKILL");
            for (const p of found.values()) {
                signal({ pid: p.pid }, "SIGKILL");
            }
            for (const p of found.values()) {
                if (!result.leftBehind.some((q) => q.pid === p.pid)) {
                    result.leftBehind.push(p);
                }
            }
        };
        const stop = (why: NodeJS.Signals) => {
            result.interrupted = why;
            sweep();
            finish();
        };
        running.add(stop);
        const timer = setTimeout(() => {
            if (!exited) {
                result.timedOut = true;
            }
            sweep();
            finish();
        }, options.timeoutSeconds * 1000);

        child.stdout.on("data", options.keep);
        child.stderr.on("data", options.keep);
        child.on("error", (error) => {
            finish();
            reject(error);
        });
        child.on("exit", (code, sig) => {
            exited = true;
            result.code = code;
            result.signal = sig;
            // What the program started goes with it: a run leaves nothing behind. A process that
            // dropped the run's mark and left its group may still hold the output pipes; the
            // grace below bounds the wait for them.
            sweep();
            grace = setTimeout(() => {
                sweep();
                finish();
            }, PIPE_GRACE_MS);
        });
        child.on("close", finish);
    });
}

export async function runProgram(dir: string, project: ProjectFile, config: StackConfig, options: RunOptions): Promise<ProgramRun> {
    const entry = runEntry(dir);
    const { timeoutSeconds, programOutput, ...settings } = options;
    const engine = new OfflineEngine(settings);
    const server = new EngineServer(engine);
    const address = await server.start();
    const runtime = runtimeOptions(project);
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PULUMI_CONFIG: JSON.stringify(config.values),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(config.secretKeys),
        PULUMI_NODEJS_TYPESCRIPT: String(runtime.typescript),
        // The preload goes through NODE_OPTIONS, not the command line: cmd/run turns off its
        // automatic ES-module mode for TypeScript when its execArgv holds --require.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(PRELOAD)}`].filter(Boolean).join(" "),
    };
    if (runtime.tsconfig) {
        env.PULUMI_NODEJS_TSCONFIG_PATH = runtime.tsconfig;
    }
    const args = [
        ...runtime.nodeargs,
        entry,
        `--monitor=${address.monitor}`,
        `--engine=${address.engine}`,
        `--project=${project.name}`,
        `--stack=${settings.stack}`,
        `--pwd=${dir}`,
        `--root-directory=${dir}`,
        ...(settings.preview ? ["--dry-run"] : []),
        project.main ?? ".",
    ];
    let output = "";
    const keep = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output = (output + text).slice(-KEPT_OUTPUT);
        programOutput?.(text);
    };
    const exiting = spawnProgram(args, { cwd: dir, env, timeoutSeconds, keep });
    // While the program loads its modules, this process loads its own SDK for the engine.
    server.install();
    const exit = await exiting.finally(() => server.stop());

    const outputs: ProgramRun["outputs"] = {};
    for (const [key, value] of Object.entries(server.stackOutputs ?? {})) {
        outputs[key] = { value, secret: isSecretEnvelope(value) };
    }
    return {
        engine,
        outputs,
        errors: verdict(server, exit, timeoutSeconds, output),
        warnings: [
            ...logged(server.log, "warning"),
            ...(exit.timedOut || exit.interrupted || exit.leftBehind.length === 0
                ? []
                : [`the program exited but left processes running, which were stopped: ${describe(exit.leftBehind)}`]),
        ],
        interrupted: exit.interrupted,
    };
}
