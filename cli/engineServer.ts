/**
 * The engine side of a Pulumi deployment, served over gRPC on 127.0.0.1 the way the CLI serves it
 * to a program: the resource monitor (answered by the SDK's mock monitor driving the offline
 * engine) and the engine service (logs and the root resource). It records what a run needs to be
 * judged: the log, the stack's outputs and whether the program's runtime signalled shutdown.
 */
import * as grpc from "@grpc/grpc-js";
import type * as pulumi from "@pulumi/pulumi";
import { OfflineEngine } from "./offlineEngine";

/* eslint-disable @typescript-eslint/no-require-imports */
// The service definitions ship with the SDK; their message classes are the SDK's own.
const { ResourceMonitorService } = require("@pulumi/pulumi/proto/resource_grpc_pb") as { ResourceMonitorService: ServiceDefinition };
const { EngineService } = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineService: ServiceDefinition };
/* eslint-enable @typescript-eslint/no-require-imports */

interface MethodDefinition {
    responseDeserialize(bytes: Buffer): unknown;
}
type ServiceDefinition = grpc.ServiceDefinition & Record<string, MethodDefinition>;

/** A fresh, empty response message of the class a method answers with, whichever copy of google-protobuf defined it. */
function blank<T>(service: ServiceDefinition, method: string): T {
    return service[method].responseDeserialize(Buffer.alloc(0)) as T;
}

type Callback = (error: Error | null, response?: unknown) => void;
interface Call<R> {
    request: R;
}
type Handler = (call: Call<never>, callback: Callback) => void;

/** The mock monitor's methods, which take a request and a gRPC-style callback. */
type MonitorMethod = (request: unknown, callback: Callback) => void;

/** `LogSeverity` in the engine protocol. */
const SEVERITY = ["debug", "info", "warning", "error"] as const;

/**
 * Features the offline engine answers as the CLI does. Output values stay off, as with the mock
 * monitor, so that inputs reach the engine as plain values; transforms and hooks need a callback
 * server this engine does not call.
 */
const UNSUPPORTED_FEATURES = new Set(["outputValues", "transforms", "invokeTransforms", "resourceHooks", "errorHooks"]);

export interface LogEntry {
    severity: (typeof SEVERITY)[number];
    message: string;
    urn?: string;
}

export class EngineServer {
    readonly log: LogEntry[] = [];
    /** The root stack resource's URN, once the program has set it. */
    rootUrn?: string;
    /** The stack's outputs as the program registered them (wire form: secrets and unknowns as the protocol marks them). */
    stackOutputs?: Record<string, unknown>;
    /** The program's runtime asked to shut down: its event loop emptied, with nothing left to run. */
    shutdownSignalled = false;
    private server?: grpc.Server;

    constructor(readonly engine: OfflineEngine) {}

    /** The SDK's mock monitor driving the engine, once `install` has loaded it. */
    private monitor?: Promise<Record<string, MonitorMethod>>;

    /**
     * Starts serving and returns the addresses of the resource monitor and of the engine. Requests
     * wait for `install`, so that the command can start the program first and load this process's
     * SDK (about half a second) while the program loads its own.
     */
    async start(): Promise<{ monitor: string; engine: string }> {
        let installed!: (monitor: Record<string, MonitorMethod>) => void;
        let failed!: (error: Error) => void;
        this.monitor = new Promise((resolve, reject) => {
            installed = resolve;
            failed = reject;
        });
        this.install = () => {
            Promise.resolve()
                .then(async () => {
                    // eslint-disable-next-line @typescript-eslint/no-require-imports
                    const sdk = require("@pulumi/pulumi") as typeof pulumi;
                    await this.engine.install(sdk);
                    installed(sdk.runtime.getMonitor() as unknown as Record<string, MonitorMethod>);
                })
                .catch(failed);
        };
        const ready = this.monitor;
        // A failure reaches each request's answer; unanswered, it must not end this process.
        ready.catch(() => undefined);
        const delegate =
            (method: string): Handler =>
            (call, callback) => {
                ready.then(
                    (monitor) => monitor[method].call(monitor, call.request, callback),
                    (error: Error) => callback(error),
                );
            };
        const server = new grpc.Server();
        server.addService(ResourceMonitorService, {
            supportsFeature: (call: Call<{ getId(): string }>, callback: Callback) => {
                const response = blank<{ setHassupport(v: boolean): void }>(ResourceMonitorService, "supportsFeature");
                response.setHassupport(!UNSUPPORTED_FEATURES.has(call.request.getId()));
                callback(null, response);
            },
            invoke: delegate("invoke"),
            readResource: delegate("readResource"),
            registerResource: delegate("registerResource"),
            registerPackage: delegate("registerPackage"),
            registerResourceOutputs: (
                call: Call<{ getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined }>,
                callback: Callback,
            ) => {
                ready.then(
                    (monitor) =>
                        monitor.registerResourceOutputs.call(monitor, call.request, (error) => {
                            if (!error && call.request.getUrn() === this.rootUrn) {
                                this.stackOutputs = call.request.getOutputs()?.toJavaScript() ?? {};
                            }
                            callback(error, error ? undefined : blank(ResourceMonitorService, "registerResourceOutputs"));
                        }),
                    (error: Error) => callback(error),
                );
            },
            signalAndWaitForShutdown: (_call: Call<unknown>, callback: Callback) => {
                this.shutdownSignalled = true;
                callback(null, blank(ResourceMonitorService, "signalAndWaitForShutdown"));
            },
        } as unknown as grpc.UntypedServiceImplementation);
        server.addService(EngineService, {
            log: (call: Call<{ getSeverity(): number; getMessage(): string; getUrn(): string }>, callback: Callback) => {
                const { request } = call;
                this.log.push({
                    severity: SEVERITY[request.getSeverity()] ?? "info",
                    message: request.getMessage(),
                    urn: request.getUrn() || undefined,
                });
                callback(null, blank(EngineService, "log"));
            },
            getRootResource: (_call: Call<unknown>, callback: Callback) => {
                const response = blank<{ setUrn(urn: string): void }>(EngineService, "getRootResource");
                response.setUrn(this.rootUrn ?? "");
                callback(null, response);
            },
            setRootResource: (call: Call<{ getUrn(): string }>, callback: Callback) => {
                this.rootUrn = call.request.getUrn();
                callback(null, blank(EngineService, "setRootResource"));
            },
            startDebugging: (_call: Call<unknown>, callback: Callback) => callback(null, blank(EngineService, "startDebugging")),
            requirePulumiVersion: (_call: Call<unknown>, callback: Callback) =>
                callback(null, blank(EngineService, "requirePulumiVersion")),
        } as unknown as grpc.UntypedServiceImplementation);
        this.server = server;
        const bind = () =>
            new Promise<string>((resolve, reject) =>
                server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
                    error ? reject(error) : resolve(`127.0.0.1:${port}`),
                ),
            );
        // The resource monitor and the engine each get an address, as the Pulumi CLI serves them.
        const [monitor, engine] = await Promise.all([bind(), bind()]);
        return { monitor, engine };
    }

    /** Loads the SDK and installs the engine on it; call once, after `start`. */
    install: () => void = () => {
        throw new Error("start the server before installing the engine");
    };

    /** Stops serving at once: whatever the program still sends is refused. */
    stop(): void {
        this.server?.forceShutdown();
    }
}
