/** The command line of `emr-security`: what it accepts, and a clear word on what it does not. */
import { isAwsAccountId, isAwsPartition, isAwsRegion } from "../policies/model/formats";

export const COMMANDS = ["synth", "check"] as const;
/** Report formats: text for people; JSON, SARIF 2.1.0 and JUnit XML for tools (SARIF and JUnit with check). */
export const FORMATS = ["text", "json", "sarif", "junit"] as const;
/** The lowest level that fails check: a mandatory violation by default, an advisory one too, or none. */
export const FAIL_ON = ["mandatory", "advisory", "never"] as const;

export const USAGE = `Usage: emr-security <synth|check> [program-dir] [options]
       emr-security check --stack-export FILE | --preview-json FILE [options]

Runs a Pulumi program offline (no credentials, no deployment) as Pulumi runs it, through the
program's own @pulumi/pulumi, on an engine that answers like the providers do, then prints what it
would deploy (synth) or checks it with the emr-security policy pack (check).

Options:
  --stack NAME            stack name (default: dev); reads Pulumi.<stack>.yaml when present
  -c, --config KEY=VALUE  stack config, repeatable; KEY without a namespace is the project's
  --config-file FILE      a stack config file instead of Pulumi.<stack>.yaml
  --stack-reference NAME=FILE
                          outputs for a pulumi.StackReference to NAME (org/project/stack), FILE holding
                          what \`pulumi stack output --json\` prints; repeatable
  --region REGION         AWS Region (default: aws:region from config, else us-east-1)
  --account-id ID         AWS account id for ARNs (default: 123456789012)
  --partition NAME        AWS partition (default: aws)
  --stack-export FILE     check: a deployed stack's state, as \`pulumi stack export\` writes it, instead
                          of running a program
  --preview-json FILE     check: the stack a preview plans, as \`pulumi preview --json\` prints it
  --policy-config FILE    check: a --policy-pack-config file, or a shipped profile by name
                          (financial-services, advisory)
  --preview               run the program as \`pulumi preview\` does: values the providers compute are unknown
  --timeout SECONDS       stop the program, and all it started, after this long (default: 120)
  --format FORMAT         text (default), json, or with check sarif (SARIF 2.1.0) or junit (JUnit XML)
  -o, --output FILE       write the report to FILE instead of stdout
  --fail-on LEVEL         check: mandatory (default), advisory, or never; exempted findings never fail
  --json                  the same as --format json: one JSON document, also when the run fails
  --version               the command's version
  -h, --help              this text

Exit codes: 0 compliant (or synth done), 1 a violation at or above --fail-on (mandatory by
default), 2 a usage error, 3 the program failed or timed out, 130 and 143 stopped by SIGINT and
SIGTERM.`;

export interface Options {
    command: (typeof COMMANDS)[number];
    dir: string;
    stack: string;
    pairs: string[];
    /** `org/project/stack=FILE` pairs. */
    stackReferences: string[];
    configFile?: string;
    region?: string;
    accountId?: string;
    partition?: string;
    policyConfig?: string;
    preview: boolean;
    timeoutSeconds: number;
    format: (typeof FORMATS)[number];
    /** A saved artifact to check instead of a program. */
    stackExport?: string;
    previewJson?: string;
    output?: string;
    failOn: (typeof FAIL_ON)[number];
}

/** How each flag that takes a value sets the options; an alias maps to its flag's entry. */
const VALUE_FLAGS = new Map<string, (options: Options, value: string) => void>([
    ["--stack", (o, v) => (o.stack = v)],
    ["--config", (o, v) => o.pairs.push(v)],
    ["--stack-reference", addStackReference],
    ["--config-file", (o, v) => (o.configFile = v)],
    ["--region", (o, v) => (o.region = v)],
    ["--account-id", (o, v) => (o.accountId = v)],
    ["--partition", (o, v) => (o.partition = v)],
    ["--policy-config", (o, v) => (o.policyConfig = v)],
    ["--timeout", (o, v) => (o.timeoutSeconds = seconds(v))],
    ["--format", (o, v) => (o.format = oneOf("--format", v, FORMATS))],
    ["--output", (o, v) => (o.output = v)],
    ["--fail-on", (o, v) => (o.failOn = oneOf("--fail-on", v, FAIL_ON))],
    ["--stack-export", (o, v) => (o.stackExport = v)],
    ["--preview-json", (o, v) => (o.previewJson = v)],
]);
VALUE_FLAGS.set("-c", VALUE_FLAGS.get("--config")!);
VALUE_FLAGS.set("-o", VALUE_FLAGS.get("--output")!);

/** Flags without a value. */
const SWITCHES = new Map<string, (options: Options) => void>([
    ["--preview", (o) => (o.preview = true)],
    ["--json", (o) => (o.format = "json")],
]);

/** Answered by the command before any parsing (cli/main.ts); named here for "did you mean". */
export const ANSWERED_FIRST = ["--help", "-h", "--version"];

/** Every flag the command accepts. */
export const FLAGS = [...VALUE_FLAGS.keys(), ...SWITCHES.keys(), ...ANSWERED_FIRST];

export class UsageError extends Error {}

/** Edit distance counting a swap of two neighbours as one slip, for "did you mean": inputs are short words. */
function distance(a: string, b: string): number {
    const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    return rows[a.length][b.length];
}

/** The closest known word, when one is close enough to be a slip of the keyboard. */
export function closest(word: string, known: readonly string[]): string | undefined {
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const d = distance(word.slice(0, 64), candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= limit ? best : undefined;
}

function suggestion(word: string, known: readonly string[]): string {
    const near = closest(word, known);
    return near ? `; did you mean ${near}?` : "";
}

const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

function oneOf<T extends string>(flag: string, given: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(given)) {
        throw new UsageError(`${flag} takes ${allowed.join(", ")}; got ${shown(given)}${suggestion(given, allowed)}`);
    }
    return given as T;
}

function addStackReference(options: Options, pair: string): void {
    if (!/^[^=\s]+=.+$/.test(pair)) {
        throw new UsageError(`--stack-reference takes NAME=FILE, such as acme/network/prod=network.json; got ${shown(pair)}`);
    }
    options.stackReferences.push(pair);
}

function seconds(text: string): number {
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
        throw new UsageError(`--timeout takes a number of seconds above 0; got ${shown(text)}`);
    }
    return value;
}

export function parseArguments(argv: string[]): Options {
    const [command, ...rest] = argv;
    if (command !== "synth" && command !== "check") {
        throw new UsageError(
            command === undefined
                ? "a command is required: synth or check"
                : `unknown command ${shown(command)}${suggestion(command, COMMANDS)}`,
        );
    }
    const options: Options = {
        command,
        dir: ".",
        stack: "dev",
        pairs: [],
        stackReferences: [],
        preview: false,
        timeoutSeconds: 120,
        format: "text",
        failOn: "mandatory",
    };
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
        const set = VALUE_FLAGS.get(flag);
        const turnOn = SWITCHES.get(flag);
        if (set) {
            set(options, value());
        } else if (turnOn) {
            turnOn(options);
        } else if (flag.startsWith("-")) {
            throw new UsageError(`unknown option ${shown(flag)}${suggestion(flag.split("=")[0], FLAGS)}`);
        } else {
            positional.push(flag);
        }
    }
    if (positional.length > 1) {
        throw new UsageError(`one program directory at most; got ${positional.map(shown).join(" ")}`);
    }
    options.dir = positional[0] ?? ".";
    if (options.stackExport && options.previewJson) {
        throw new UsageError("give --stack-export or --preview-json, not both");
    }
    if ((options.stackExport || options.previewJson) && options.preview) {
        throw new UsageError("--preview runs a program; a --preview-json file is already a preview's plan");
    }
    for (const [given, name] of [
        [options.stackExport, "--stack-export"],
        [options.previewJson, "--preview-json"],
        [options.policyConfig, "--policy-config"],
        [options.failOn !== "mandatory" ? options.failOn : undefined, "--fail-on"],
        [options.format === "sarif" || options.format === "junit" ? options.format : undefined, `--format ${options.format}`],
    ] as const) {
        if (given !== undefined && command !== "check") {
            throw new UsageError(`${name} goes with check`);
        }
    }
    if (options.accountId !== undefined && !isAwsAccountId(options.accountId)) {
        throw new UsageError(`--account-id takes a 12-digit AWS account id; got ${shown(options.accountId)}`);
    }
    if (options.partition !== undefined && !isAwsPartition(options.partition)) {
        throw new UsageError(`--partition takes an AWS partition such as aws, aws-cn or aws-us-gov; got ${shown(options.partition)}`);
    }
    if (options.region !== undefined && !isAwsRegion(options.region)) {
        throw new UsageError(`--region takes an AWS Region such as us-east-1; got ${shown(options.region)}`);
    }
    return options;
}
