/**
 * `emr-security synth` and `emr-security check`: run a Pulumi program offline, show the EMR
 * security configurations it would submit, and check it with the policy pack.
 */
import * as fs from "fs";
import * as path from "path";
import { checkPolicyConfig } from "../policies/config";
import { RULES } from "../policies/rules";
import { runProgram } from "./programRunner";
import { checkReport, checkText, synthReport, synthText } from "./reports";
import { loadProject, stackConfig } from "./stackConfig";

export const USAGE = `Usage: emr-security <synth|check> [program-dir] [options]

Runs a Pulumi program offline (no credentials, no deployment) as Pulumi runs it, through the
program's own @pulumi/pulumi, on an engine that answers like the providers do, then prints what it would deploy (synth) or checks it with the emr-security policy
pack (check; exits 1 when a mandatory finding remains).

Options:
  --stack NAME            stack name (default: dev); reads Pulumi.<stack>.yaml when present
  --config KEY=VALUE      stack config, repeatable; KEY without a namespace is the project's
  --config-file FILE      a stack config file instead of Pulumi.<stack>.yaml
  --region REGION         AWS Region (default: aws:region from config, else us-east-1)
  --account-id ID         AWS account id for ARNs (default: 123456789012)
  --partition NAME        AWS partition (default: aws)
  --policy-config FILE    check: a --policy-pack-config file
  --preview               run the program as \`pulumi preview\` does: values the providers compute are unknown
  --timeout SECONDS       stop a program that has not exited by then (default: 120)
  --json                  print JSON for tools (the program's own output goes to stderr)
  -h, --help              this text`;

export interface Options {
    command: "synth" | "check";
    dir: string;
    stack: string;
    pairs: string[];
    configFile?: string;
    region?: string;
    accountId?: string;
    partition?: string;
    policyConfig?: string;
    preview: boolean;
    timeoutSeconds: number;
    json: boolean;
}

export function parseArguments(argv: string[]): Options {
    const [command, ...rest] = argv;
    if (command !== "synth" && command !== "check") {
        throw new UsageError(command === undefined ? "a command is required" : `unknown command ${JSON.stringify(command)}`);
    }
    const options: Options = { command, dir: ".", stack: "dev", pairs: [], preview: false, timeoutSeconds: 120, json: false };
    const positional: string[] = [];
    for (let i = 0; i < rest.length; i++) {
        const flag = rest[i];
        const value = () => {
            const v = rest[++i];
            if (v === undefined) {
                throw new UsageError(`${flag} needs a value`);
            }
            return v;
        };
        switch (flag) {
            case "--stack":
                options.stack = value();
                break;
            case "--config":
            case "-c":
                options.pairs.push(value());
                break;
            case "--config-file":
                options.configFile = value();
                break;
            case "--region":
                options.region = value();
                break;
            case "--account-id":
                options.accountId = value();
                break;
            case "--partition":
                options.partition = value();
                break;
            case "--policy-config":
                options.policyConfig = value();
                break;
            case "--preview":
                options.preview = true;
                break;
            case "--timeout": {
                const text = value();
                const seconds = Number(text);
                if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0)) {
                    throw new UsageError(`--timeout takes a number of seconds above 0; got ${JSON.stringify(text)}`);
                }
                options.timeoutSeconds = seconds;
                break;
            }
            case "--json":
                options.json = true;
                break;
            default:
                if (flag.startsWith("-")) {
                    throw new UsageError(`unknown option ${flag}`);
                }
                positional.push(flag);
        }
    }
    if (positional.length > 1) {
        throw new UsageError(`one program directory at most; got ${positional.join(" ")}`);
    }
    options.dir = positional[0] ?? ".";
    if (options.policyConfig && command !== "check") {
        throw new UsageError("--policy-config goes with check");
    }
    if (options.accountId !== undefined && !/^\d{12}$/.test(options.accountId)) {
        throw new UsageError(`--account-id takes a 12-digit AWS account id; got ${JSON.stringify(options.accountId.slice(0, 40))}`);
    }
    if (options.partition !== undefined && !/^aws(-[a-z]+)*$/.test(options.partition)) {
        throw new UsageError(
            `--partition takes an AWS partition such as aws, aws-cn or aws-us-gov; got ${JSON.stringify(options.partition.slice(0, 40))}`,
        );
    }
    if (options.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region)) {
        throw new UsageError(`--region takes an AWS Region such as us-east-1; got ${JSON.stringify(options.region.slice(0, 40))}`);
    }
    return options;
}

export class UsageError extends Error {}

/** A JSON file, with its name in any error: a parser's message alone does not say which file. */
function readJson(file: string): Record<string, unknown> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
    }
}

/** The program's package.json, when it has one, must be JSON: Pulumi's runner would otherwise ignore it without a word. */
function readPackageJson(dir: string): void {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
        readJson(file);
    }
}

/** Runs the command; returns the exit code (0 fine, 1 mandatory findings or a failed program, 2 bad usage). */
export async function main(
    argv: string[],
    out: (text: string) => void = console.log,
    err: (text: string) => void = console.error,
): Promise<number> {
    if (argv.includes("-h") || argv.includes("--help")) {
        out(USAGE);
        return 0;
    }
    let options: Options;
    try {
        options = parseArguments(argv);
    } catch (e) {
        err(`emr-security: ${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    try {
        const dir = path.resolve(options.dir);
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
            err(`emr-security: ${dir} does not exist or is not a folder: give the folder of a Pulumi project`);
            return 2;
        }
        const project = loadProject(dir);
        readPackageJson(dir);
        const config = stackConfig({ dir, project, stack: options.stack, configFile: options.configFile, pairs: options.pairs });
        let policyConfig: unknown = {};
        if (options.policyConfig) {
            policyConfig = readJson(options.policyConfig);
            const problems = checkPolicyConfig(policyConfig, RULES);
            if (problems.length > 0) {
                err(`emr-security: ${options.policyConfig} is not a valid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
                return 2;
            }
        }
        const run = await runProgram(dir, project, config, {
            project: project.name,
            stack: options.stack,
            region: options.region ?? config.values["aws:region"] ?? "us-east-1",
            accountId: options.accountId ?? "123456789012",
            partition: options.partition ?? "aws",
            preview: options.preview,
            timeoutSeconds: options.timeoutSeconds,
            programOutput: (chunk) => process.stderr.write(chunk),
        });
        for (const warning of new Set(run.warnings)) {
            err(`warning: ${warning}`);
        }
        if (run.errors.length > 0) {
            err(
                `emr-security: the program failed:\n${[...new Set(run.errors)].map((e) => `  - ${e.replace(/\n/g, "\n    ")}`).join("\n")}`,
            );
            return 1;
        }
        if (options.command === "synth") {
            const report = synthReport(run);
            out(options.json ? JSON.stringify(report, null, 2) : synthText(report));
            return 0;
        }
        const report = await checkReport(run, policyConfig as Record<string, unknown>);
        out(options.json ? JSON.stringify(report, null, 2) : checkText(report));
        return report.counts.mandatory > 0 ? 1 : 0;
    } catch (e) {
        err(`emr-security: ${(e as Error).message}`);
        return 2;
    }
}
