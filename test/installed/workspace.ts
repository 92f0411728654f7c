/**
 * What a user has: the package and the policy pack as registry tarballs, installed into folders
 * outside this repository, with everything else from the registry. Each workspace is a temporary
 * folder that the test removes when it is done.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "../..");
export const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"];

/** A temporary folder outside the repository, and a way to remove it. */
export function workspace(prefix: string): { dir: string; remove(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `emr-security-${prefix}-`));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function npm(cwd: string, ...args: string[]): string {
    return execFileSync(NPM, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * `npm pack` of the package as it would be published. `npm test` builds it first; scripts are
 * not run here, so the build the other tests use is not replaced under them.
 */
export function packPackage(destination: string): string {
    if (!fs.existsSync(path.join(ROOT, "bin/index.js"))) {
        npm(ROOT, "run", "build");
    }
    const name = npm(ROOT, "pack", "--ignore-scripts", "--pack-destination", destination, "--silent").trim().split("\n").pop()!;
    return path.join(destination, name);
}

/** The files of a folder that a clean clone would have: no build output, no installed modules. */
function copySources(from: string, to: string): void {
    fs.cpSync(from, to, {
        recursive: true,
        filter: (source) => !["node_modules", "bin"].includes(path.basename(source)) || path.dirname(source) !== from,
    });
}

/**
 * The policy pack built and packed from a clean copy of its folder, as its own package: its lock
 * file installs its dependencies, TypeScript among them, and its `prepack` builds it.
 */
export function packPolicyPack(destination: string): string {
    const copy = path.join(destination, "policies-source");
    copySources(path.join(ROOT, "policies"), copy);
    npm(copy, "ci", ...QUIET);
    const name = npm(copy, "pack", "--pack-destination", destination, "--silent").trim().split("\n").pop()!;
    fs.rmSync(copy, { recursive: true, force: true });
    return path.join(destination, name);
}

/** Writes files below a folder, creating folders as needed; objects are written as JSON. */
export function writeFiles(dir: string, files: Record<string, string | object>): void {
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
    }
}

/** Installs a folder's package.json dependencies from the registry (the npm cache first). */
export function install(dir: string): void {
    npm(dir, "install", ...QUIET);
}

/** The version range this repository uses for a dependency, so installed programs get the same majors. */
export function rangeOf(name: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    if (!range) {
        throw new Error(`package.json does not depend on ${name}`);
    }
    return range;
}
