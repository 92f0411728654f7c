/**
 * The command's own lifecycle as a CI job sees it: a signal or a kill stops the program and
 * everything it started, `--timeout` bounds the command's exit even when a descendant holds the
 * program's output open, and nothing the program started outlives the run.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "bin/cli/emr-security.js");
const PROGRAM = path.join(ROOT, "test/fixtures/programs/spawns-children");

/** Whether a process is alive: a zombie waiting for its parent to reap it is not. */
function alive(pid: number): boolean {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
        return false;
    }
}

async function until(condition: () => boolean, seconds: number): Promise<boolean> {
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
        if (condition()) {
            return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return condition();
}

interface Started {
    /** The program's pid, the pid of a child in its group, and of one it detached. */
    pids: () => number[];
    exited: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; seconds: number }>;
    pid: number;
}

/** Starts the command on the fixture, which writes its three pids to a file once it runs. */
function start(mode: "hang" | "finish", ...args: string[]): Started & { remove(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-security-lifecycle-"));
    const file = path.join(dir, "pids.json");
    const began = Date.now();
    const child = spawn(process.execPath, [CLI, "synth", PROGRAM, ...args], {
        env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true", SPAWNS_CHILDREN: mode, SPAWNS_CHILDREN_PIDS: file },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; seconds: number }>((resolve) =>
        child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, seconds: (Date.now() - began) / 1000 })),
    );
    return {
        pid: child.pid!,
        exited,
        pids: () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as number[]) : []),
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}

describe("emr-security leaves nothing running", function () {
    this.timeout(120000);

    for (const [signal, code] of [
        ["SIGTERM", 143],
        ["SIGINT", 130],
    ] as const) {
        it(`${signal} stops the program, the child in its group and the one it detached, then exits ${code}`, async () => {
            const run = start("hang");
            try {
                assert.ok(await until(() => run.pids().length === 3 && run.pids().every(alive), 60), "the program started its children");
                const pids = run.pids();
                process.kill(run.pid, signal);
                const exit = await run.exited;
                assert.strictEqual(exit.code, code, exit.stderr);
                assert.match(exit.stderr, new RegExp(`stopped by ${signal} before the program finished`));
                assert.ok(await until(() => !pids.some(alive), 5), `still running after 5 s: ${pids.filter(alive).join(", ")}`);
            } finally {
                run.remove();
            }
        });
    }

    it("SIGKILL of the command, which can clean nothing up, still stops the program and its children within 5 s", async () => {
        const run = start("hang");
        try {
            assert.ok(await until(() => run.pids().length === 3 && run.pids().every(alive), 60), "the program started its children");
            const pids = run.pids();
            process.kill(run.pid, "SIGKILL");
            await run.exited;
            assert.ok(await until(() => !pids.some(alive), 5), `still running after 5 s: ${pids.filter(alive).join(", ")}`);
        } finally {
            run.remove();
        }
    });

    it("--timeout bounds the command's exit though a detached descendant holds the program's output open, and names what still ran", async () => {
        const run = start("hang", "--timeout", "3");
        try {
            const exit = await run.exited;
            const pids = run.pids();
            assert.strictEqual(exit.code, 3, exit.stderr);
            assert.match(exit.stderr, /did not finish within 3 s \(--timeout\) and was stopped/);
            for (const pid of pids) {
                assert.match(exit.stderr, new RegExp(`Still running, and stopped: .*pid ${pid}\\b`), `pid ${pid} is named`);
            }
            assert.ok(await until(() => !pids.some(alive), 5), `still running: ${pids.filter(alive).join(", ")}`);
        } finally {
            run.remove();
        }
    });

    it("a program that finishes but leaves processes running holding its output: the run ends, they are named and stopped", async () => {
        const run = start("finish", "--json");
        try {
            const exit = await run.exited;
            const [program, ...children] = run.pids();
            assert.strictEqual(exit.code, 0, exit.stderr);
            assert.strictEqual(JSON.parse(exit.stdout).outputs.bucket, "urn:pulumi:dev::spawns-children::aws:s3/bucket:Bucket::logs");
            for (const pid of children) {
                assert.match(exit.stderr, new RegExp(`exited but left processes running, which were stopped: .*pid ${pid}\\b`));
            }
            assert.doesNotMatch(exit.stderr, new RegExp(`pid ${program}\\b`));
            assert.ok(await until(() => !children.some(alive), 5), `still running: ${children.filter(alive).join(", ")}`);
        } finally {
            run.remove();
        }
    });
});
