import { ChildProcess, fork, spawn } from "child_process";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import type { Registration } from "../../cli/offlineEngine";

export const ROOT = path.join(__dirname, "../..");

/* eslint-disable @typescript-eslint/no-require-imports */
const SDK = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
export const grpc: typeof import("@grpc/grpc-js") = require("@grpc/grpc-js");
/** The SDK's provider protocol messages and client, the copy the engine of a Python or Go program would talk to. */
export const providerProto = require(path.join(SDK, "proto/provider_pb"));
const services = require(path.join(SDK, "proto/provider_grpc_pb"));
/** `google.protobuf.Struct` from the copy of google-protobuf the SDK's messages use. */
export const Struct: { fromJavaScript(value: Record<string, unknown>): unknown } = require(
    require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [SDK] }),
).Struct;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface PluginHost {
    /** The ResourceProvider client (callback-style methods, as grpc-js generates them). */
    client: Record<string, (request: unknown, callback: (error: Error | null, response: never) => void) => void> & { close(): void };
    stderr(): string;
    stop(): void;
}

/** The plugin's entry as `PulumiPlugin.yaml` names it, or the package's directory (its `main`) when it names none. */
export const PLUGIN_ENTRY = (() => {
    const manifest = yaml.load(fs.readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8")) as { main?: string };
    return manifest.main ? path.join(ROOT, manifest.main) : ROOT;
})();

/**
 * Starts the package as the Pulumi CLI starts a source-based component package: the SDK's
 * `cmd/run-plugin` on the plugin's entry, with the engine's address as its argument. Resolves
 * once the plugin has printed the port it serves on.
 */
export async function startPluginHost(engineAddress?: string, entry = PLUGIN_ENTRY): Promise<PluginHost> {
    const args = [path.join(SDK, "cmd/run-plugin"), entry, ...(engineAddress ? [engineAddress] : [])];
    // Serialization errors say what failed, should a response not serialize.
    const env = { ...process.env, GRPC_NODE_DEBUG_SEND_ERROR_DETAILS: "true" };
    const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    try {
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                out += d;
                if (out.includes("\n")) {
                    resolve(out.split("\n")[0].trim());
                }
            });
            child.on("exit", (code) => reject(new Error(`run-plugin exited with ${code}:\n${stderr}`)));
        });
        const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return {
            client,
            stderr: () => stderr,
            stop: () => {
                client.close();
                child.kill();
            },
        };
    } catch (error) {
        child.kill();
        throw error;
    }
}

/** Calls a provider method and resolves with its response. */
export function call<T>(host: PluginHost, method: string, request: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => host.client[method](request, (e, r) => (e ? reject(e) : resolve(r as T))));
}

/** The plugin host started with an offline engine of its own, as the CLI pairs them for a Construct. */
export interface PluginWithEngine {
    /** Resolves once both serve. */
    started: Promise<void>;
    host: PluginHost;
    /** The resource monitor's address, for ConstructRequest. */
    monitor: string;
    /** What registered with the engine so far. */
    registered(): Promise<Registration[]>;
    stop(): void;
}

/**
 * The offline engine runs in a process of its own (`engineProcess.ts`): a mocha worker runs other
 * test files first, and their mocks and late outputs share the worker's SDK.
 */
export function startPluginWithEngine(): PluginWithEngine {
    const settings = { project: "emr", stack: "dev", region: "us-east-1", accountId: "123456789012", partition: "aws", preview: false };
    const engine = fork(path.join(__dirname, "engineProcess.ts"), [JSON.stringify(settings)], {
        execArgv: ["--require", "ts-node/register/transpile-only"],
        env: { ...process.env, GRPC_NODE_DEBUG_SEND_ERROR_DETAILS: "true" },
    });
    const plugin = {
        host: undefined as unknown as PluginHost,
        monitor: "",
        registered: () =>
            new Promise<Registration[]>((resolve) => {
                engine.once("message", (message: { registered: Registration[] }) => resolve(message.registered));
                engine.send("registered");
            }),
        stop: () => {
            plugin.host?.stop();
            engine.disconnect();
        },
    } as PluginWithEngine;
    plugin.started = new Promise<{ monitor: string; engine: string }>((resolve, reject) => {
        engine.once("message", (message: { addresses?: { monitor: string; engine: string }; error?: string }) =>
            message.addresses ? resolve(message.addresses) : reject(new Error(message.error)),
        );
        engine.once("exit", (code) => reject(new Error(`the engine process exited with ${code}`)));
    }).then(async (addresses) => {
        plugin.monitor = addresses.monitor;
        plugin.host = await startPluginHost(addresses.engine);
    });
    return plugin;
}
