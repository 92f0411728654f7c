/**
 * Runs a Pulumi TypeScript or JavaScript program in this process on the offline engine, installed
 * on the copy of `@pulumi/pulumi` the program itself resolves: a program folder with its own
 * node_modules would otherwise register its resources with a runtime nobody answers.
 */
import * as fs from "fs";
import * as path from "path";
import { EngineSettings, OfflineEngine, PulumiModule } from "./offlineEngine";
import { ProjectFile, StackConfig } from "./stackConfig";

export interface ProgramRun {
    engine: OfflineEngine;
    /** The program's exports (stack outputs), resolved; secrets stay wrapped for the caller to mask. */
    outputs: Record<string, { value: unknown; secret: boolean; known: boolean }>;
    /** What went wrong while the program ran: thrown errors and failed registrations. */
    errors: string[];
}

interface ProgramSdk extends PulumiModule {
    runtime: PulumiModule["runtime"] & {
        setAllConfig(config: Record<string, string>, secretKeys?: string[]): void;
        disconnect(): Promise<void>;
    };
    Output: { isInstance(value: unknown): boolean };
    isSecret(value: unknown): Promise<boolean>;
}

/** The program's entry file: `main` from Pulumi.yaml, else package.json's, else index.ts or index.js. */
export function programEntry(dir: string, project: ProjectFile): string {
    const candidates: string[] = [];
    const packageFile = path.join(dir, "package.json");
    const packageMain = fs.existsSync(packageFile)
        ? (JSON.parse(fs.readFileSync(packageFile, "utf8")).main as string | undefined)
        : undefined;
    const main = project.main ?? packageMain;
    const base = main ? path.resolve(dir, main) : dir;
    if (main && fs.existsSync(base) && fs.statSync(base).isFile()) {
        return base;
    }
    candidates.push(path.join(base, "index.ts"), path.join(base, "index.js"));
    const found = candidates.find((c) => fs.existsSync(c));
    if (!found) {
        throw new Error(`no program entry found in ${base} (looked for ${candidates.map((c) => path.basename(c)).join(", ")})`);
    }
    return found;
}

function message(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

export async function runProgram(dir: string, project: ProjectFile, config: StackConfig, settings: EngineSettings): Promise<ProgramRun> {
    const entry = programEntry(dir, project);
    let sdkPath: string;
    try {
        sdkPath = require.resolve("@pulumi/pulumi", { paths: [path.dirname(entry), dir] });
    } catch {
        throw new Error(`the program in ${dir} does not resolve @pulumi/pulumi: install its dependencies first (npm ci)`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk: ProgramSdk = require(sdkPath);
    const engine = new OfflineEngine(settings);
    await engine.install(sdk);
    sdk.runtime.setAllConfig(config.values, config.secretKeys);

    const errors: string[] = [];
    // Failed registrations surface as unhandled rejections, some after the program's promises
    // settle; the listener stays for the life of the process so none reaches Node's default handler.
    process.on("unhandledRejection", (reason: unknown) => errors.push(message(reason)));
    let exported: unknown;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        exported = require(entry);
        if (typeof exported === "function") {
            exported = await (exported as () => unknown)();
        }
    } catch (e) {
        errors.push(message(e));
    }
    await sdk.runtime.disconnect();
    const outputs: ProgramRun["outputs"] = {};
    for (const [key, value] of Object.entries((exported ?? {}) as Record<string, unknown>)) {
        try {
            outputs[key] = await resolveExport(sdk, value);
        } catch (e) {
            errors.push(`stack output ${key}: ${message(e)}`);
        }
    }
    return { engine, outputs, errors };
}

async function resolveExport(sdk: ProgramSdk, value: unknown): Promise<{ value: unknown; secret: boolean; known: boolean }> {
    if (!sdk.Output.isInstance(value)) {
        return { value, secret: false, known: true };
    }
    const output = value as { isKnown: Promise<boolean>; apply<U>(f: (v: unknown) => U): unknown };
    const secret = await sdk.isSecret(output);
    const known = await output.isKnown.catch(() => false);
    const resolved = known ? await new Promise((resolve) => output.apply((v) => resolve(v))) : undefined;
    return { value: resolved, secret, known };
}
