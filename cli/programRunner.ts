/**
 * Runs a Pulumi program the way Pulumi's Node.js language host does: a child process started
 * through the program's own `@pulumi/pulumi/cmd/run`, with project, stack, config and preview mode
 * passed as the host passes them, talking over gRPC to the offline engine in this process. The
 * program's own module mode, tsconfig and type checking apply, and nothing here compiles
 * `node_modules`.
 */
import { spawn } from "child_process";
import * as path from "path";
import { EngineServer, LogEntry } from "./engineServer";
import { EngineSettings, OfflineEngine } from "./offlineEngine";
import { ProjectFile, StackConfig } from "./stackConfig";
import { isSecretWrapper } from "./values";

export interface ProgramRun {
    engine: OfflineEngine;
    /** The stack's outputs; secrets stay wrapped for the caller to mask. */
    outputs: Record<string, { value: unknown; secret: boolean }>;
    /** Why the run cannot be trusted: the program failed, exited early, or never finished. Empty when it ran to the end. */
    errors: string[];
    /** Warnings the program and its components logged. */
    warnings: string[];
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

/** Why a run that ended (or was stopped) did not finish as Pulumi requires, in words that name the cause. */
function verdict(
    server: EngineServer,
    exit: { code: number | null; signal: string | null; timedOut: boolean },
    timeoutSeconds: number,
    output: string,
): string[] {
    const errors = logged(server.log, "error");
    if (exit.timedOut) {
        return server.stackOutputs !== undefined
            ? [
                  `the program registered its stack outputs, but its process had not exited after ${timeoutSeconds} s (--timeout): a timer, an interval, a server or another open handle keeps its event loop alive, and Pulumi would wait for it too. Clear it, or unref() it.`,
                  ...errors,
              ]
            : [
                  `the program did not finish within ${timeoutSeconds} s (--timeout) and was stopped: it is still waiting on something (a promise or output that never settles, a hung call), or needs a longer --timeout.`,
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
    };
    if (runtime.tsconfig) {
        env.PULUMI_NODEJS_TSCONFIG_PATH = runtime.tsconfig;
    }
    const args = [
        ...runtime.nodeargs,
        entry,
        `--monitor=${address}`,
        `--engine=${address}`,
        `--project=${project.name}`,
        `--stack=${settings.stack}`,
        `--pwd=${dir}`,
        `--root-directory=${dir}`,
        ...(settings.preview ? ["--dry-run"] : []),
        project.main ?? ".",
    ];
    let output = "";
    const exit = await new Promise<{ code: number | null; signal: string | null; timedOut: boolean }>((resolve, reject) => {
        // Its own process group, so that the timeout ends whatever the program started too.
        const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                process.kill(-child.pid!, "SIGKILL");
            } catch {
                child.kill("SIGKILL");
            }
        }, timeoutSeconds * 1000);
        const keep = (chunk: Buffer) => {
            const text = chunk.toString("utf8");
            output = (output + text).slice(-KEPT_OUTPUT);
            programOutput?.(text);
        };
        child.stdout.on("data", keep);
        child.stderr.on("data", keep);
        child.on("error", (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, timedOut });
        });
    }).finally(() => server.stop());

    const outputs: ProgramRun["outputs"] = {};
    for (const [key, value] of Object.entries(server.stackOutputs ?? {})) {
        outputs[key] = { value, secret: isSecretWrapper(value) };
    }
    return {
        engine,
        outputs,
        errors: verdict(server, exit, timeoutSeconds, output),
        warnings: logged(server.log, "warning"),
    };
}
