/**
 * How `synth` and `check` run a program: as Pulumi's language host does, in a child process
 * through the program's own `cmd/run`, and what they say when the program misbehaves.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "bin/cli/emr-security.js");
const PROGRAMS = path.join(ROOT, "test/fixtures/programs");

/**
 * Programs run transpiled: these tests are about how a run starts and ends, and type-checking,
 * which doubles a run's time, has its own test below.
 */
function run(...args: string[]): { code: number | null; stdout: string; stderr: string; seconds: number } {
    return runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, ...args);
}

function runWith(env: NodeJS.ProcessEnv, ...args: string[]): { code: number | null; stdout: string; stderr: string; seconds: number } {
    const began = Date.now();
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60000,
        env: { ...process.env, ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - began) / 1000 };
}

const program = (name: string) => path.join(PROGRAMS, name);

describe("emr-security runs programs as Pulumi does", function () {
    this.timeout(60000);

    it("names the error a program throws, and exits 1", () => {
        const { code, stderr, stdout } = run("check", program("throws"));
        assert.strictEqual(code, 1);
        assert.match(
            stderr,
            /the program failed:\n {2}- Running program '[^']*throws[^']*' failed with an unhandled exception:\n {4}Error: boom from the program\n/,
        );
        assert.strictEqual(stdout, "");
    });

    it("names the error of a failed registration, not the SDK's 'promises were still active'", () => {
        const { code, stderr } = run("synth", program("failed-registration"));
        assert.strictEqual(code, 1);
        assert.match(stderr, /the bucket name could not be computed/);
        assert.doesNotMatch(stderr, /promises were still active/);
    });

    it("fails a program that calls process.exit(0) once its work is done, before Pulumi finishes, even when its findings were printed by nobody", () => {
        const { code, stderr, stdout } = run("check", program("exits-when-done"));
        assert.strictEqual(code, 1);
        assert.match(stderr, /exited \(code 0\) before Pulumi's runtime finished: something called process\.exit\(\)/);
        assert.strictEqual(stdout, "", "no verdict is printed for a run that did not finish");
    });

    it("names process.exit() when a program calls it with registrations in flight, where the SDK only counts pending promises", () => {
        const { code, stderr, stdout } = run("check", program("exits-early"));
        assert.strictEqual(code, 1);
        assert.match(
            stderr,
            /exited \(code 1\) before Pulumi's runtime finished, with resource operations still in flight: something called process\.exit\(\)/,
        );
        assert.strictEqual(stdout, "", "no verdict is printed for a run that did not finish");
    });

    it("stops a program that leaves a timer running, within --timeout, and says so", () => {
        const { code, stderr, seconds } = run("synth", program("leaves-timer"), "--timeout", "4");
        assert.strictEqual(code, 1);
        assert.match(stderr, /registered its stack outputs, but its process had not exited after 4 s \(--timeout\): a timer, an interval/);
        assert.ok(seconds < 20, `took ${seconds} s`);
    });

    it("fails a program whose stack outputs never resolve", () => {
        const { code, stderr } = run("check", program("never-resolves"));
        assert.strictEqual(code, 1);
        assert.match(stderr, /the program's stack outputs never resolved/);
    });

    it("stops a program that never finishes, within --timeout", () => {
        const { code, stderr, seconds } = run("check", program("never-finishes"), "--timeout", "3");
        assert.strictEqual(code, 1);
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
    });

    it("type-checks a TypeScript program as Pulumi does, unless PULUMI_NODEJS_TRANSPILE_ONLY says not to", () => {
        const checked = runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: undefined }, "synth", program("type-error"));
        assert.strictEqual(checked.code, 1);
        assert.match(checked.stderr, /TS2322: Type 'string' is not assignable to type 'number'/);
        const transpiled = runWith({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, "synth", program("type-error"), "--json");
        assert.strictEqual(transpiled.code, 0, transpiled.stderr);
        assert.strictEqual(JSON.parse(transpiled.stdout).outputs.counted, "three");
    });

    it("fails a program whose exported getter throws, with exit 1 and the getter's error", () => {
        const { code, stderr } = run("synth", program("throwing-getter"));
        assert.strictEqual(code, 1);
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
        assert.match(check.stdout, /advisory {2}emr-s3-encryption: can't run policy 'emr-s3-encryption' during preview/);
        assert.match(check.stdout, /compliant\.$/m);
    });
});
