/**
 * `npm run bench`: our pack against @pulumi/awsguard through the same analyzer client on the same
 * generated stack, evaluatePolicies in process at three sizes, and the cost of importing the
 * package against the SDK modules it uses. Prints medians and ratios; asserts nothing.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluatePolicies, PolicyResource } from "../policies/evaluate";
import { PackClient, WireResource } from "../test/analyzer/client";
import { generatedStack } from "./generatedStack";
import { synthVsMocks } from "./synthVsMocks";

const ROOT = path.join(__dirname, "..");
const WORK = path.join(__dirname, ".tmp");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ANALYZE_RESOURCES = Number(process.env.BENCH_ANALYZE ?? 1000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const wire = (r: PolicyResource): WireResource => ({ type: r.type, name: r.name, urn: r.urn, props: r.props });

/** A folder that runs `index.js` as a policy pack, resolving packages from this repository. */
function packFolder(name: string, index: string): string {
    const dir = path.join(WORK, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"), index);
    return dir;
}

const AWSGUARD = 'const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "mandatory" });\n';
/** The smallest pack there is, one rule that checks nothing: the policy host's own start-up, the floor under any pack. */
const MINIMAL =
    'const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("minimal", { policies: [{ name: "nothing", description: "Checks nothing.", validateResource: () => undefined }] });\n';

/** Milliseconds from spawning the pack to its first Analyze answer. */
async function firstVerdict(dir: string, resource: WireResource): Promise<number> {
    const start = process.hrtime.bigint();
    const pack = await PackClient.start(dir);
    try {
        await pack.analyze(resource);
        return ms(start);
    } finally {
        pack.close();
    }
}

/** Milliseconds per Analyze over the generated stack, after a warm-up. */
async function analyzeMs(dir: string, resources: WireResource[]): Promise<number> {
    const pack = await PackClient.start(dir);
    try {
        for (const r of resources.slice(0, 100)) {
            await pack.analyze(r);
        }
        const start = process.hrtime.bigint();
        for (const r of resources) {
            await pack.analyze(r);
        }
        return ms(start) / resources.length;
    } finally {
        pack.close();
    }
}

/**
 * Resources that share one index value: every cluster names the same configuration and no bucket
 * has a name, the shape that made stack indexes quadratic.
 */
function skewedStack(size: number): PolicyResource[] {
    const resources: PolicyResource[] = generatedStack(1).filter((r) => r.type === "aws:emr/securityConfiguration:SecurityConfiguration");
    const name = resources[0]?.props.name;
    for (let i = resources.length; i < size; i += 2) {
        resources.push({
            type: "aws:emr/cluster:Cluster",
            name: `c${i}`,
            urn: `urn:pulumi:b::p::aws:emr/cluster:Cluster::c${i}`,
            props: { securityConfiguration: name },
        });
        resources.push({ type: "aws:s3/bucket:Bucket", name: `b${i}`, urn: `urn:pulumi:b::p::aws:s3/bucket:Bucket::b${i}`, props: {} });
    }
    return resources;
}

async function evaluateRate(
    size: number,
    make: (size: number) => PolicyResource[] = generatedStack,
): Promise<{ ms: number; perSecond: number }> {
    const stack = make(size);
    const times: number[] = [];
    // Two warm-up runs at this size, so the optimizing compiler has seen it.
    await evaluatePolicies(stack);
    await evaluatePolicies(stack);
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
        const start = process.hrtime.bigint();
        await evaluatePolicies(stack);
        times.push(ms(start));
    }
    const t = median(times);
    return { ms: t, perSecond: Math.round((size / t) * 1000) };
}

/** The `@pulumi/*` modules the components import: the baseline a fair import costs. */
function sdkModulesUsed(): string[] {
    const sources = fs.readdirSync(path.join(ROOT, "components")).filter((f) => f.endsWith(".ts"));
    const modules = new Set(["@pulumi/pulumi"]);
    for (const file of sources) {
        for (const m of fs.readFileSync(path.join(ROOT, "components", file), "utf8").matchAll(/from "(@pulumi\/(?:aws|tls)\/[^"]+)"/g)) {
            modules.add(m[1]);
        }
    }
    return [...modules].sort();
}

/** Milliseconds a fresh node process spends requiring `modules`, after requiring `preloaded` untimed. */
function importOnce(modules: string[], preloaded: string[] = []): number {
    const load = (list: string[]) => list.map((m) => `require(${JSON.stringify(m)});`).join(" ");
    const script = `${load(preloaded)} const t = process.hrtime.bigint(); ${load(modules)} console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    if (result.status !== 0) {
        throw new Error(result.stderr);
    }
    return Number(result.stdout.trim());
}

/** Medians of both imports, measured alternately so that drift on the machine touches both alike. */
function importMedians(a: string[], b: string[], runs: number): [number, number] {
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < runs; i++) {
        times[0].push(importOnce(a));
        times[1].push(importOnce(b));
    }
    return [median(times[0]), median(times[1])];
}

async function main(): Promise<void> {
    fs.mkdirSync(WORK, { recursive: true });
    console.log(
        `machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; ${RUNS} runs each, medians`,
    );
    execFileSync("npm", ["run", "--silent", "build:policies"], { cwd: ROOT, stdio: "inherit" });
    const ours = path.join(ROOT, "policies");
    const theirs = packFolder("awsguard-pack", AWSGUARD);
    const minimal = packFolder("minimal-pack", MINIMAL);
    const stack = generatedStack(ANALYZE_RESOURCES).map(wire);

    const verdicts: Record<string, number[]> = { ours: [], awsguard: [], minimal: [] };
    for (let i = 0; i < RUNS; i++) {
        verdicts.ours.push(await firstVerdict(ours, stack[0]));
        verdicts.awsguard.push(await firstVerdict(theirs, stack[0]));
        verdicts.minimal.push(await firstVerdict(minimal, stack[0]));
    }
    const analyze: Record<string, number[]> = { ours: [], awsguard: [] };
    for (let i = 0; i < RUNS; i++) {
        analyze.ours.push(await analyzeMs(ours, stack));
        analyze.awsguard.push(await analyzeMs(theirs, stack));
    }
    const rates = [];
    for (const size of [1000, 10000, 100000]) {
        rates.push({ size, ...(await evaluateRate(size)) });
    }
    const skewed = [];
    for (const size of [10000, 100000]) {
        skewed.push({ size, ...(await evaluateRate(size, skewedStack)) });
    }

    // The figure is for what users install: the shipped build, found through package.json's main.
    execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
    const used = sdkModulesUsed();
    // The package loads the same SDK modules first; measuring both the same way leaves only its own cost.
    const packageEntry = require.resolve(ROOT);
    const [ourImport, sdkImport] = importMedians([...used, packageEntry], used, Math.max(RUNS, 15));
    const onTop = median(Array.from({ length: 5 }, () => importOnce([packageEntry], used)));
    const synth = synthVsMocks(ROOT, WORK, 2000, RUNS);

    const row = (label: string, a: number, b: number, unit: string) =>
        console.log(
            `${label.padEnd(34)} ${a.toFixed(2).padStart(10)} ${b.toFixed(2).padStart(10)} ${unit.padEnd(4)} ${(a / b).toFixed(2).padStart(6)}`,
        );
    console.log(`\n${"".padEnd(34)} ${"ours".padStart(10)} ${"awsguard".padStart(10)} unit  ${"ratio".padStart(6)}`);
    row("first verdict (spawn to Analyze)", median(verdicts.ours), median(verdicts.awsguard), "ms");
    row(`Analyze, per call (${ANALYZE_RESOURCES} resources)`, median(analyze.ours), median(analyze.awsguard), "ms");
    row("first verdict, minimal one-rule pack", median(verdicts.minimal), median(verdicts.awsguard), "ms");
    console.log(`  our pack above that floor: ${(median(verdicts.ours) - median(verdicts.minimal)).toFixed(0)} ms`);
    console.log(`\nevaluatePolicies in process (all ${RULE_COUNT()} rules):`);
    for (const r of rates) {
        console.log(
            `  ${String(r.size).padStart(6)} resources  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.perSecond).padStart(7)} resources/s`,
        );
    }
    const scaling = rates[2].ms / rates[1].ms;
    console.log(`  time 100k / time 10k: ${scaling.toFixed(2)} (10 is linear)`);
    console.log("  skewed (every cluster on one configuration, buckets without names):");
    for (const r of skewed) {
        console.log(
            `  ${String(r.size).padStart(6)} resources  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.perSecond).padStart(7)} resources/s`,
        );
    }
    console.log(`  time 100k / time 10k: ${(skewed[1].ms / skewed[0].ms).toFixed(2)} (10 is linear)`);
    console.log(
        `\nimport: package ${ourImport.toFixed(0)} ms; @pulumi/pulumi with ${used.length - 1} submodules it uses ${sdkImport.toFixed(0)} ms`,
    );
    console.log(`  (${used.join(", ")})`);
    console.log(
        `  the package's own modules, on top of those: ${onTop.toFixed(1)} ms; separate processes: ratio ${(ourImport / sdkImport).toFixed(2)}`,
    );
    console.log(
        `\nsynth of 2,000 buckets: emr-security ${synth.synth.toFixed(1)} s, the same program under setMocks in one process ${synth.mocks.toFixed(1)} s`,
    );
    console.log("");
    console.log(`synth-2000-resources-ratio-vs-sdk-mocks: ${synth.ratio.toFixed(2)}`);
    console.log(`pack-first-verdict-ratio-vs-awsguard: ${(median(verdicts.ours) / median(verdicts.awsguard)).toFixed(2)}`);
    console.log(`analyze-ms-ratio-vs-awsguard: ${(median(analyze.ours) / median(analyze.awsguard)).toFixed(2)}`);
    console.log(`evaluate-resources-per-second: ${Math.min(...rates.slice(1).map((r) => r.perSecond))}`);
    console.log(`evaluate-skewed-resources-per-second: ${skewed[1].perSecond}`);
    // The policy host's own start-up is the floor any pack stands on; what is ours is above it.
    console.log(`pack-first-verdict-ratio-vs-minimal-pack: ${(median(verdicts.ours) / median(verdicts.minimal)).toFixed(2)}`);
    // The package's import is the SDK modules plus its own: the ratio from the own part, measured in one
    // process, is free of the few percent that separate processes differ by (shown above as well).
    console.log(`import-ratio-vs-sdk: ${((sdkImport + onTop) / sdkImport).toFixed(2)}`);
}

function RULE_COUNT(): number {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../policies/rules") as typeof import("../policies/rules")).RULES.length;
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
