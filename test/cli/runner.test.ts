/**
 * How `synth` and `check` run a program: as Pulumi's language host does, in a child process
 * through the program's own `cmd/run`, and what they say when the program misbehaves.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CommandRun, PROGRAMS, ROOT, runCommand } from "./command";

/**
 * Programs run transpiled: these tests are about how a run starts and ends, and type-checking,
 * which doubles a run's time, has its own test below.
 */
function run(...args: string[]): CommandRun {
    return runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, ...args);
}

function runWith(env: NodeJS.ProcessEnv, ...args: string[]): CommandRun {
    return runCommand(args, env, 60000);
}

const program = (name: string) => path.join(PROGRAMS, name);

describe("emr-security runs programs as Pulumi does", function () {
    this.timeout(60000);

    // Each of these hung on Node.js 20 and 22 until --timeout: the SDK formats every uncaught
    // error with util.inspect(colors), which loops forever on its own source-mapped frames
    // (nodejs/node#64011). A generous --timeout tells a named failure from a timed-out one.
    for (const [fixture, named] of [
        ["throws", /Error: boom from the program\n\s+at Object\.<anonymous> \([^)]*throws\/index\.js:4:7\)/],
        ["missing-config", /Missing required configuration variable 'missing-config:subnetId'/],
        ["async-rejects", /Error: the async entry failed\n\s+at [^\n]*async-rejects\/index\.js:6:11/],
        ["apply-throws", /Error: the apply callback failed\n\s+at [^\n]*apply-throws\/index\.js:5:11/],
    ] as const) {
        it(`names the program's own error, with file:line, within seconds and exits 3: ${fixture}`, () => {
            const { code, stderr, stdout, seconds } = run("synth", program(fixture), "--timeout", "60");
            assert.strictEqual(code, 3, stderr);
            assert.match(stderr, named);
            assert.doesNotMatch(stderr, /--timeout/);
            assert.strictEqual(stdout, "");
            // Well inside --timeout, so a loaded machine cannot fail it; the stderr above shows no timeout.
            assert.ok(seconds < 30, `named after ${seconds} s`);
        });
    }

    it("--json writes one document also when the program fails, with the program's error in it", () => {
        const { code, stdout } = run("check", program("missing-config"), "--json", "--timeout", "60");
        assert.strictEqual(code, 3);
        const report = JSON.parse(stdout);
        assert.strictEqual(report.exitCode, 3);
        assert.strictEqual(report.error.kind, "program-failed");
        assert.match(report.error.messages[0], /Missing required configuration variable 'missing-config:subnetId'/);
    });

    it("refuses two resources with one URN, as Pulumi's engine does", () => {
        const { code, stderr } = run("synth", program("duplicate-urn"));
        assert.strictEqual(code, 3);
        assert.match(
            stderr,
            /Duplicate resource URN 'urn:pulumi:dev::duplicate-urn::aws:s3\/bucket:Bucket::logs'; try giving it a unique name/,
        );
    });

    it("answers a StackReference at once: named when its outputs are not given, read from --stack-reference when they are", () => {
        const missing = run("synth", program("stack-reference"), "--timeout", "60");
        assert.strictEqual(missing.code, 3);
        assert.match(
            missing.stderr,
            /StackReference "acme\/network\/prod": offline there is no stack to read\. Give its outputs with --stack-reference acme\/network\/prod=FILE/,
        );
        assert.ok(missing.seconds < 30, `answered after ${missing.seconds} s`);
        const given = run(
            "synth",
            program("stack-reference"),
            "--json",
            "--stack-reference",
            `acme/network/prod=${program("stack-reference/network-outputs.json")}`,
        );
        assert.strictEqual(given.code, 0, given.stderr);
        assert.strictEqual(JSON.parse(given.stdout).outputs.subnetId, "subnet-0123456789abcdef0");
    });

    it("names the error a program throws, and exits 3", () => {
        const { code, stderr, stdout } = run("check", program("throws"));
        assert.strictEqual(code, 3);
        assert.match(
            stderr,
            /the program failed:\n {2}- Running program '[^']*throws[^']*' failed with an unhandled exception:\n {4}Error: boom from the program\n/,
        );
        assert.strictEqual(stdout, "");
    });

    it("names the error of a failed registration, not the SDK's 'promises were still active'", () => {
        const { code, stderr } = run("synth", program("failed-registration"));
        assert.strictEqual(code, 3);
        assert.match(stderr, /the bucket name could not be computed/);
        assert.doesNotMatch(stderr, /promises were still active/);
    });

    it("fails a program that calls process.exit(0) once its work is done, before Pulumi finishes, even when its findings were printed by nobody", () => {
        const { code, stderr, stdout } = run("check", program("exits-when-done"));
        assert.strictEqual(code, 3);
        assert.match(stderr, /exited \(code 0\) before Pulumi's runtime finished: something called process\.exit\(\)/);
        assert.strictEqual(stdout, "", "no verdict is printed for a run that did not finish");
    });

    it("names process.exit() when a program calls it with registrations in flight, where the SDK only counts pending promises", () => {
        const { code, stderr, stdout } = run("check", program("exits-early"));
        assert.strictEqual(code, 3);
        assert.match(
            stderr,
            /exited \(code 1\) before Pulumi's runtime finished, with resource operations still in flight: something called process\.exit\(\)/,
        );
        assert.strictEqual(stdout, "", "no verdict is printed for a run that did not finish");
    });

    it("stops a program that leaves a timer running, within --timeout, and says so", () => {
        // Long enough for the program to register its outputs on a loaded machine (a 4 s bound once
        // stopped it before it had, and the verdict was the other one).
        const { code, stderr, seconds } = run("synth", program("leaves-timer"), "--timeout", "12");
        assert.strictEqual(code, 3);
        assert.match(stderr, /registered its stack outputs, but its process had not exited after 12 s \(--timeout\): a timer, an interval/);
        assert.ok(seconds < 40, `took ${seconds} s`);
    });

    it("fails a program whose stack outputs never resolve", () => {
        const { code, stderr } = run("check", program("never-resolves"));
        assert.strictEqual(code, 3);
        assert.match(stderr, /the program's stack outputs never resolved/);
    });

    it("stops a program that never finishes, within --timeout", () => {
        const { code, stderr, seconds } = run("check", program("never-finishes"), "--timeout", "3");
        assert.strictEqual(code, 3);
        assert.match(stderr, /the program did not finish within 3 s \(--timeout\) and was stopped/);
        assert.ok(seconds < 20, `took ${seconds} s`);
    });

    it("keeps the program's own stdout and stderr out of --json, and shows them on stderr", () => {
        const { code, stdout, stderr } = run("check", program("chatty"), "--json");
        assert.strictEqual(code, 0, stderr);
        const report = JSON.parse(stdout);
        assert.strictEqual(report.counts.mandatory, 0);
        assert.match(stderr, /hello from the program's stdout/);
        assert.match(stderr, /hello from the program's stderr/);
        // Warnings the program logs reach the engine and the report; debug messages never did.
        assert.match(stderr, /^warning: a warning the program logs$/m);
        assert.ok(report.warnings.includes("a warning the program logs"));
        assert.doesNotMatch(stdout + stderr, /a debug message/);
    });

    it("type-checks a TypeScript program as Pulumi does, unless PULUMI_NODEJS_TRANSPILE_ONLY says not to", () => {
        const checked = runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: undefined }, "synth", program("type-error"));
        assert.strictEqual(checked.code, 3);
        assert.match(checked.stderr, /TS2322: Type 'string' is not assignable to type 'number'/);
        const transpiled = runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, "synth", program("type-error"), "--json");
        assert.strictEqual(transpiled.code, 0, transpiled.stderr);
        assert.strictEqual(JSON.parse(transpiled.stdout).outputs.counted, "three");
    });

    it("fails a program whose exported getter throws, with exit 3 and the getter's error", () => {
        const { code, stderr } = run("synth", program("throwing-getter"));
        assert.strictEqual(code, 3);
        assert.match(stderr, /the exported getter failed/);
    });

    it("refuses bad usage and bad folders with exit 2 and a message naming the cause", () => {
        const cases: [string[], RegExp][] = [
            [["synth", "--account-id", "abc"], /--account-id takes a 12-digit AWS account id; got "abc"/],
            [["synth", "--partition", "amazon"], /--partition takes an AWS partition/],
            [["synth", "--region", "US East"], /--region takes an AWS Region such as us-east-1/],
            [["synth", "--config", "a:b:c=1"], /--config takes key=value or namespace:key=value; got "a:b:c=1"/],
            [["synth", program("no-such-program")], /no-such-program does not exist or is not a folder/],
            [["synth", program("bad-package")], /bad-package\/package\.json is not valid JSON/],
            [["check", "--policy-config", program("bad-package/package.json")], /bad-package\/package\.json is not valid JSON/],
        ];
        for (const [args, message] of cases) {
            const { code, stderr } = run(...args);
            assert.strictEqual(code, 2, args.join(" "));
            assert.match(stderr, message);
        }
    });

    it("refuses a project that is not Node.js, and names a Pulumi.yaml or stack config file that does not parse, with exit 2", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-security-project-"));
        try {
            const cases: [Record<string, string>, string[], RegExp][] = [
                [
                    { "Pulumi.yaml": "name: py\nruntime: python\n" },
                    [],
                    /Pulumi\.yaml says runtime: "python"; emr-security runs Node\.js programs only/,
                ],
                [
                    { "Pulumi.yaml": "name: yml\nruntime:\n  name: yaml\n" },
                    [],
                    /Pulumi\.yaml says runtime: "yaml"; emr-security runs Node\.js programs only/,
                ],
                [{ "Pulumi.yaml": "name: [broken\n" }, [], /Pulumi\.yaml is not valid YAML: unexpected end of the stream/],
                [
                    { "Pulumi.yaml": "name: ok\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  a: [1\n" },
                    [],
                    /Pulumi\.dev\.yaml is not valid YAML/,
                ],
                [
                    { "Pulumi.yaml": "name: ok\nruntime: nodejs\n", "Pulumi.dev.yaml": "config: 3\n" },
                    [],
                    /Pulumi\.dev\.yaml is not a stack config file/,
                ],
            ];
            for (const [files, args, message] of cases) {
                for (const f of fs.readdirSync(dir)) {
                    fs.rmSync(path.join(dir, f));
                }
                for (const [name, text] of Object.entries(files)) {
                    fs.writeFileSync(path.join(dir, name), text);
                }
                const { code, stderr } = run("synth", dir, ...args);
                assert.strictEqual(code, 2, stderr);
                assert.match(stderr, message);
                assert.ok(stderr.includes(dir), "the file is named by its path");
            }
            const json = run("synth", dir, "--json");
            assert.deepStrictEqual(Object.keys(JSON.parse(json.stdout)), ["command", "exitCode", "error", "warnings"]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("--version prints the package's version; a mistyped command or flag gets a suggestion, and the usage is not repeated", () => {
        const version = run("--version");
        assert.strictEqual(version.code, 0);
        assert.strictEqual(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
        const typo = run("chekc");
        assert.strictEqual(typo.code, 2);
        assert.match(typo.stderr, /unknown command "chekc"; did you mean check\?/);
        assert.doesNotMatch(typo.stderr, /Usage:/);
        const flag = run("check", "--preveiw");
        assert.match(flag.stderr, /unknown option "--preveiw"; did you mean --preview\?/);
        assert.doesNotMatch(run("check", "--zzzzzzzz").stderr, /did you mean/);
        const json = run("check", "--preveiw", "--json");
        assert.strictEqual(JSON.parse(json.stdout).error.kind, "usage");
    });

    it("refuses a --timeout that is not a positive number of seconds", () => {
        for (const bad of ["0", "-1", "abc", "1e3"]) {
            const { code, stderr } = run("synth", "--timeout", bad);
            assert.strictEqual(code, 2, bad);
            assert.match(stderr, /--timeout takes a number of seconds above 0/);
        }
    });

    it("--preview runs the program as pulumi preview does: computed values are unknown, and checks on them defer", () => {
        const synth = run("synth", "--preview", "--json");
        assert.strictEqual(synth.code, 0, synth.stderr);
        const report = JSON.parse(synth.stdout);
        assert.strictEqual(report.outputs.s3KmsKeyArn, "[unknown]");
        const check = run("check", "--preview");
        assert.strictEqual(check.code, 0, check.stderr);
        // Deferrals read as one line per resource naming the rules and the unknown input, never one
        // finding each with its fix.
        assert.match(
            check.stdout,
            /^aws:emr\/securityConfiguration:SecurityConfiguration {2}emr-config {2}\(components\/securityConfiguration\.ts:\d+\)\n {2}deferred {2}emr-security-configuration-valid, [a-z0-9-, ]*emr-s3-encryption[a-z0-9-, ]*: wait for \.configuration, known only once deployed; they run at update\n\n/m,
        );
        assert.doesNotMatch(check.stdout, /can't run policy/);
        assert.doesNotMatch(check.stdout, /fix:/);
        assert.match(check.stdout, /; \d+ checks deferred until values are known: compliant\.$/m);
        const json = JSON.parse(run("check", "--preview", "--json").stdout) as {
            counts: { advisory: number; deferred: number };
            findings: { message: string; deferral?: { policy: string; unknown?: string } }[];
        };
        const deferred = json.findings.filter((f) => f.deferral);
        assert.ok(deferred.length > 0 && deferred.length === json.counts.deferred);
        assert.ok(deferred.every((f) => /during preview/.test(f.message)));
        assert.ok(json.findings.filter((f) => !f.deferral).every((f) => !/during preview/.test(f.message)));
        assert.ok(deferred.some((f) => f.deferral!.policy === "emr-s3-encryption" && f.deferral!.unknown === ".configuration"));
    });
});
