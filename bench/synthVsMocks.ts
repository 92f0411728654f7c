/**
 * `emr-security synth` of a program of 2,000 S3 buckets against the same program under
 * `pulumi.runtime.setMocks` in one process, answered by the same offline engine: both timed as
 * whole processes, alternately, so that drift on the machine touches both alike.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const PROGRAM = `const aws = require("@pulumi/aws");
const count = Number(process.env.BENCH_BUCKETS);
const buckets = [];
for (let i = 0; i < count; i++) {
    buckets.push(new aws.s3.Bucket(\`bucket-\${i}\`, { tags: { team: "data", index: String(i) } }));
}
exports.first = buckets[0].bucket;
`;

/** The program under the SDK's mocks in this one process, with the engine the command serves. */
const IN_PROCESS = (root: string) => `const pulumi = require("@pulumi/pulumi");
const { OfflineEngine } = require(${JSON.stringify(path.join(root, "bin/cli/offlineEngine.js"))});
const engine = new OfflineEngine({ project: "buckets", stack: "dev", region: "us-east-1", accountId: "123456789012", partition: "aws", preview: false });
engine.install(pulumi).then(() => require("./index.js"));
`;

function seconds(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
    if (result.status !== 0) {
        throw new Error(`${args.join(" ")} failed: ${result.stderr.slice(-2000)}`);
    }
    return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Medians of both, in seconds, and their ratio. */
export function synthVsMocks(root: string, work: string, buckets: number, runs: number): { synth: number; mocks: number; ratio: number } {
    const dir = path.join(work, `synth-${buckets}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: buckets\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "buckets", private: true }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    fs.writeFileSync(path.join(dir, "mocks.js"), IN_PROCESS(root));
    const env = { BENCH_BUCKETS: String(buckets) };
    const cli = path.join(root, "bin/cli/emr-security.js");
    const times: { synth: number[]; mocks: number[] } = { synth: [], mocks: [] };
    for (let i = 0; i < runs; i++) {
        times.synth.push(seconds(process.execPath, [cli, "synth", dir, "--json"], root, env));
        times.mocks.push(seconds(process.execPath, ["mocks.js"], dir, env));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const synth = median(times.synth);
    const mocks = median(times.mocks);
    return { synth, mocks, ratio: synth / mocks };
}
