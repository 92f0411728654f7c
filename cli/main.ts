/**
 * `emr-security synth` and `emr-security check`: run a Pulumi program offline, show the EMR
 * security configurations it would submit, and check it with the policy pack.
 */
import * as fs from "fs";
import * as path from "path";
import { Options, parseArguments, USAGE, UsageError } from "./arguments";
import type { CheckSource } from "./checking";
import { EXIT_CODES } from "./exitCodes";
import { readJson } from "./files";
import { interruptRuns, ProgramRun, runProgram } from "./programRunner";
import { failsAt, synthReport, synthText } from "./reports";
import { loadProject, stackConfig } from "./stackConfig";

export { parseArguments, USAGE, UsageError };
export type { Options };

/** The package's own folder: two levels up from the build (bin/cli), one from the sources (cli). */
function packageRoot(): string {
    const candidates = [path.join(__dirname, "../.."), path.join(__dirname, "..")];
    return candidates.find((dir) => fs.existsSync(path.join(dir, "policies/configs"))) ?? candidates[0];
}

/** The policy configs that ship in both packages, by name. */
export function shippedProfiles(): Record<string, string> {
    const dir = path.join(packageRoot(), "policies/configs");
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
    return Object.fromEntries(files.map((f) => [path.basename(f, ".json"), path.join(dir, f)]));
}

function version(): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string };
    return manifest.version;
}

/** The program's package.json, when it has one, must be JSON: Pulumi's runner would otherwise ignore it without a word. */
function readPackageJson(dir: string): void {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
        readJson(file);
    }
}

/** `--policy-config`: a file, or the name of a profile that ships with the package. */
function policyConfigFile(given: string): string {
    const profiles = shippedProfiles();
    if (!fs.existsSync(given) && profiles[given]) {
        return profiles[given];
    }
    if (!fs.existsSync(given) && !given.includes("/") && !given.endsWith(".json")) {
        throw new Error(
            `--policy-config ${JSON.stringify(given)} is neither a file nor a shipped profile; the profiles are ${Object.keys(profiles).join(", ")}`,
        );
    }
    return given;
}

/** Signals the command answers: it stops the program and all it started, then exits 128 + the signal's number. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs the command; returns the exit code from EXIT_CODES. With `--json`, stdout gets exactly one
 * JSON document, whatever happens.
 */
export async function main(
    argv: string[],
    out: (text: string) => void = console.log,
    err: (text: string) => void = console.error,
): Promise<number> {
    if (argv.includes("-h") || argv.includes("--help")) {
        out(USAGE);
        return EXIT_CODES.ok;
    }
    if (argv.includes("--version")) {
        out(version());
        return EXIT_CODES.ok;
    }
    const json = argv.includes("--json") || argv.some((a, i) => a === "--format" && argv[i + 1] === "json");
    let options: Options | undefined;
    /** The report: to `--output` when given, else stdout. */
    const emit = (text: string) =>
        options?.output ? fs.writeFileSync(options.output, text.endsWith("\n") ? text : `${text}\n`) : out(text);
    /** A failure: its words on stderr, and with JSON one document where the report would go. */
    const fail = (code: number, kind: string, messages: string[], warnings: string[] = []): number => {
        if (json) {
            emit(JSON.stringify({ command: argv[0], exitCode: code, error: { kind, messages }, warnings }, null, 2));
        }
        return code;
    };
    try {
        options = parseArguments(argv);
    } catch (e) {
        const message = (e as Error).message;
        err(`emr-security: ${message}\nRun 'emr-security --help' for the commands and options.`);
        return fail(EXIT_CODES.usage, "usage", [message]);
    }
    let run: ProgramRun;
    let policyConfig: Record<string, unknown> = {};
    let stoppedBy: NodeJS.Signals | undefined;
    const onSignal = (name: NodeJS.Signals) => {
        if (stoppedBy || !interruptRuns(name)) {
            // A second signal, or one that came while no program ran: nothing is left to clean up.
            process.exit(EXIT_CODES[name as (typeof STOP_SIGNALS)[number]]);
        }
        stoppedBy = name;
    };
    for (const name of STOP_SIGNALS) {
        process.on(name, onSignal);
    }
    try {
        if (options.output) {
            const folder = path.dirname(path.resolve(options.output));
            if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
                // Checked first: a report that cannot be written must not surface after the run as a crash.
                throw new Error(`--output ${options.output}: the folder ${folder} does not exist`);
            }
        }
        if (options.policyConfig) {
            const file = policyConfigFile(options.policyConfig);
            policyConfig = readJson(file);
            const problems = (await import("./checking")).policyConfigProblems(policyConfig);
            if (problems.length > 0) {
                throw new Error(`${file} is not a valid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
            }
        }
        const saved = options.stackExport ?? options.previewJson;
        if (saved) {
            const artifacts = await import("./artifacts");
            const artifact = (options.stackExport ? artifacts.readStackExport : artifacts.readPreviewJson)(readJson(saved), saved);
            const skipped = artifact.skipped.map((s) => `not checked: ${s}`);
            for (const line of skipped) {
                err(`warning: ${line}`);
            }
            return await report(artifact, options, policyConfig, skipped, emit, err);
        }
        const dir = path.resolve(options.dir);
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
            throw new Error(`${dir} does not exist or is not a folder: give the folder of a Pulumi project`);
        }
        const project = loadProject(dir);
        readPackageJson(dir);
        const config = stackConfig({ dir, project, stack: options.stack, configFile: options.configFile, pairs: options.pairs });
        const stackReferences: Record<string, Record<string, unknown>> = {};
        for (const pair of options.stackReferences) {
            const at = pair.indexOf("=");
            stackReferences[pair.slice(0, at)] = readJson(path.resolve(pair.slice(at + 1)));
        }
        run = await runProgram(dir, project, config, {
            stackReferences,
            project: project.name,
            stack: options.stack,
            region: options.region ?? config.values["aws:region"] ?? "us-east-1",
            accountId: options.accountId ?? "123456789012",
            partition: options.partition ?? "aws",
            preview: options.preview,
            timeoutSeconds: options.timeoutSeconds,
            programOutput: (chunk) => process.stderr.write(chunk),
        });
    } catch (e) {
        const message = (e as Error).message;
        err(`emr-security: ${message}`);
        return fail(EXIT_CODES.usage, "usage", [message]);
    } finally {
        for (const name of STOP_SIGNALS) {
            process.off(name, onSignal);
        }
    }
    const warnings = [...new Set(run.warnings)];
    for (const warning of warnings) {
        err(`warning: ${warning}`);
    }
    if (run.interrupted) {
        const errors = [...new Set(run.errors)];
        err(`emr-security: ${errors[0]}`);
        return fail(EXIT_CODES[run.interrupted as (typeof STOP_SIGNALS)[number]] ?? EXIT_CODES.SIGTERM, "interrupted", errors, warnings);
    }
    if (run.errors.length > 0) {
        const errors = [...new Set(run.errors)];
        err(`emr-security: the program failed:\n${errors.map((e) => `  - ${e.replace(/\n/g, "\n    ")}`).join("\n")}`);
        return fail(EXIT_CODES.program, "program-failed", errors, warnings);
    }
    if (options.command === "synth") {
        const report = synthReport(run);
        emit(options.format === "json" ? JSON.stringify({ ...report, exitCode: EXIT_CODES.ok, warnings }, null, 2) : synthText(report));
        return EXIT_CODES.ok;
    }
    return report((await import("./checking")).runSource(run), options, policyConfig, warnings, emit, err);
}

/** Checks the resources and writes the report (to `--output` or stdout, through `out`); the exit code follows --fail-on. */
async function report(
    source: CheckSource,
    options: Options,
    policyConfig: Record<string, unknown>,
    warnings: string[],
    out: (text: string) => void,
    err: (text: string) => void,
): Promise<number> {
    const checking = await import("./checking");
    const docsDir = path.join(packageRoot(), "policies/docs");
    const checked = await checking.checkReport(source, policyConfig, path.resolve(options.dir), docsDir);
    for (const warning of checked.exceptionWarnings) {
        err(`warning: ${warning}`);
    }
    const code = failsAt(checked, options.failOn) ? EXIT_CODES.mandatory : EXIT_CODES.ok;
    out(checking.formatted(checked, options, { exitCode: code, warnings, version: version(), docsDir }));
    return code;
}
