/** Stack config the way the Pulumi CLI assembles it: project defaults, the stack file, then flags. */
import * as fs from "fs";
import * as path from "path";
import { readYaml } from "./files";

export interface ProjectFile {
    name: string;
    main?: string;
    /** `nodejs`, or `{ name: nodejs, options }` with the language host's options. */
    runtime?: string | { name?: string; options?: { typescript?: boolean; tsconfig?: string; nodeargs?: string } };
    stackConfigDir?: string;
    config?: Record<string, { type?: string; default?: unknown; secret?: boolean } | string | number | boolean>;
}

export interface StackConfig {
    /** `namespace:key` to the value as the CLI hands it to programs: strings, objects as JSON. */
    values: Record<string, string>;
    /** Keys whose values are secrets. */
    secretKeys: string[];
}

/** The placeholder for a value encrypted in the stack file: offline, it cannot be decrypted. */
export const UNDECRYPTABLE = "[secret: encrypted in the stack file]";

export function loadProject(dir: string): ProjectFile {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!file) {
        throw new Error(`${dir} has no Pulumi.yaml: give the folder of a Pulumi project`);
    }
    const project = readYaml(file) as ProjectFile;
    if (!project || typeof project !== "object" || typeof project.name !== "string") {
        throw new Error(`${file} has no project name`);
    }
    const runtime = typeof project.runtime === "object" && project.runtime !== null ? project.runtime.name : project.runtime;
    if (runtime !== "nodejs") {
        throw new Error(
            `${file} says runtime: ${JSON.stringify(runtime ?? null)}; emr-security runs Node.js programs only (runtime: nodejs). Check a program in another language with pulumi preview --policy-pack.`,
        );
    }
    return project;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function qualified(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

export interface StackConfigOptions {
    dir: string;
    project: ProjectFile;
    stack: string;
    /** A stack config file; by default `Pulumi.<stack>.yaml` beside the project, when it exists. */
    configFile?: string;
    /** `key=value` pairs; a key without a namespace is the project's. */
    pairs: string[];
}

export function stackConfig(options: StackConfigOptions): StackConfig {
    const { project } = options;
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    for (const [key, declaration] of Object.entries(project.config ?? {})) {
        const full = qualified(project.name, key);
        if (typeof declaration === "object" && declaration !== null) {
            if (declaration.default !== undefined) {
                values[full] = asConfigString(declaration.default);
            }
            if (declaration.secret) {
                secretKeys.add(full);
            }
        } else {
            // A plain value in the project file sets the key for every stack.
            values[full] = asConfigString(declaration);
        }
    }
    const defaultFile = path.join(options.dir, project.stackConfigDir ?? "", `Pulumi.${options.stack}.yaml`);
    const file = options.configFile ?? (fs.existsSync(defaultFile) ? defaultFile : undefined);
    if (file) {
        const content = (readYaml(file) ?? {}) as { config?: Record<string, unknown> };
        if (
            typeof content !== "object" ||
            (content.config !== undefined && (typeof content.config !== "object" || content.config === null))
        ) {
            throw new Error(`${file} is not a stack config file: it needs a config: mapping of keys to values`);
        }
        for (const [key, value] of Object.entries(content.config ?? {})) {
            const full = qualified(project.name, key);
            const secure = typeof value === "object" && value !== null && "secure" in value;
            values[full] = secure ? UNDECRYPTABLE : asConfigString(value);
            if (secure) {
                secretKeys.add(full);
            }
        }
    }
    for (const pair of options.pairs) {
        const at = pair.indexOf("=");
        const key = pair.slice(0, at);
        // `key` or `namespace:key`, as Pulumi's config keys are: one colon at most, neither part empty.
        if (at <= 0 || !/^(?:[^:=\s]+:)?[^:=\s]+$/.test(key)) {
            throw new Error(`--config takes key=value or namespace:key=value; got ${JSON.stringify(pair.slice(0, 80))}`);
        }
        values[qualified(project.name, key)] = pair.slice(at + 1);
    }
    return { values, secretKeys: [...secretKeys] };
}
