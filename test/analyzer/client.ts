/**
 * Speaks the analyzer protocol to a policy pack started the way the Pulumi CLI starts one:
 * `node <@pulumi/pulumi>/cmd/run-policy-pack <engine> .` in the pack's folder, whose first line
 * of output is the gRPC port. Used by the end-to-end tests and the benchmark.
 */
import type * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { SECRET_SIG, SECRET_VALUE } from "../../policies/secrets";

/* eslint-disable @typescript-eslint/no-require-imports */
// Everything that touches the wire is loaded from the SDK the pack itself resolves: its generated
// stubs only accept messages and credentials made by its own copies of these libraries.
type Proto = typeof import("@pulumi/pulumi/proto/analyzer_pb");
type Services = typeof import("@pulumi/pulumi/proto/analyzer_grpc_pb");
type Grpc = typeof import("@grpc/grpc-js");
type StructModule = typeof import("google-protobuf/google/protobuf/struct_pb");
type EmptyModule = typeof import("google-protobuf/google/protobuf/empty_pb");

interface Wire {
    proto: Proto;
    services: Services;
    grpc: Grpc;
    Struct: StructModule["Struct"];
    Empty: EmptyModule["Empty"];
}

function wireFor(sdk: string): Wire {
    const from = (id: string) => require(require.resolve(id, { paths: [sdk] }));
    return {
        proto: require(path.join(sdk, "proto/analyzer_pb")),
        services: require(path.join(sdk, "proto/analyzer_grpc_pb")),
        grpc: from("@grpc/grpc-js"),
        Struct: from("google-protobuf/google/protobuf/struct_pb").Struct,
        Empty: from("google-protobuf/google/protobuf/empty_pb").Empty,
    };
}

/** How a secret travels over the protocol. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SECRET_SIG]: SECRET_VALUE, value };
}

export interface Diagnostic {
    policy: string;
    level: "advisory" | "mandatory" | "disabled" | "remediate";
    message: string;
    urn: string;
}

export interface WireResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    urn?: string;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

function call<T>(run: (callback: (error: grpc.ServiceError | null, response: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => run((error, response) => (error ? reject(error) : resolve(response))));
}

export class PackClient {
    private readonly proto: Proto;

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: InstanceType<Services["AnalyzerClient"]>,
        private readonly wire: Wire,
        /** Milliseconds from spawn until the pack printed its port. */
        public readonly startMs: number,
    ) {
        this.proto = wire.proto;
    }

    /** Spawns the pack in `packDir` with the SDK its own dependencies resolve to. */
    static async start(packDir: string): Promise<PackClient> {
        const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] }));
        const wire = wireFor(sdk);
        const began = Date.now();
        const child = spawn(process.execPath, [path.join(sdk, "cmd/run-policy-pack"), "127.0.0.1:0", "."], {
            cwd: packDir,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        const port = await new Promise<string>((resolve, reject) => {
            let stdout = "";
            child.stdout!.on("data", (chunk) => {
                stdout += chunk;
                const line = stdout.split("\n")[0];
                if (stdout.includes("\n")) {
                    resolve(line.trim());
                }
            });
            child.on("exit", (code) => reject(new Error(`the pack exited with ${code} before listening:\n${stderr}`)));
        });
        try {
            const client = new wire.services.AnalyzerClient(`127.0.0.1:${port}`, wire.grpc.credentials.createInsecure());
            return new PackClient(child, client, wire, Date.now() - began);
        } catch (e) {
            child.kill();
            throw e;
        }
    }

    info(): Promise<ReturnType<InstanceType<Proto["AnalyzerInfo"]>["toObject"]>> {
        return call<InstanceType<Proto["AnalyzerInfo"]>>((cb) => this.client.getAnalyzerInfo(new this.wire.Empty(), cb)).then((r) =>
            r.toObject(),
        );
    }

    /** Sends a config in `--policy-pack-config` form, as the CLI does after validating it. */
    async configure(config: Record<string, unknown>): Promise<void> {
        const request = new this.proto.ConfigureAnalyzerRequest();
        const all = typeof config.all === "string" ? config.all : undefined;
        const info = await this.info();
        for (const policy of info.policiesList) {
            const entry = config[policy.name];
            const options = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
            const { enforcementLevel, ...properties } = options;
            const level = (typeof entry === "string" ? entry : (enforcementLevel as string | undefined)) ?? all;
            const policyConfig = new this.proto.PolicyConfig();
            policyConfig.setEnforcementlevel(
                LEVELS.indexOf((level ?? LEVELS[policy.enforcementlevel]) as (typeof LEVELS)[number]) as never,
            );
            policyConfig.setProperties(this.wire.Struct.fromJavaScript(properties as never));
            request.getPolicyconfigMap().set(policy.name, policyConfig);
        }
        await call((cb) => this.client.configure(request, cb));
    }

    private resource<T extends InstanceType<Proto["AnalyzeRequest"]> | InstanceType<Proto["AnalyzerResource"]>>(
        message: T,
        r: WireResource,
    ): T {
        message.setType(r.type);
        message.setName(r.name);
        message.setUrn(r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}`);
        message.setProperties(this.wire.Struct.fromJavaScript(r.props as never));
        message.setOptions(new this.proto.AnalyzerResourceOptions());
        return message;
    }

    private diagnostics(response: InstanceType<Proto["AnalyzeResponse"]>): Diagnostic[] {
        return response.getDiagnosticsList().map((d) => ({
            policy: d.getPolicyname(),
            level: LEVELS[d.getEnforcementlevel()],
            message: d.getMessage(),
            urn: d.getUrn(),
        }));
    }

    async analyze(r: WireResource): Promise<Diagnostic[]> {
        const response = await call<InstanceType<Proto["AnalyzeResponse"]>>((cb) =>
            this.client.analyze(this.resource(new this.proto.AnalyzeRequest(), r), cb),
        );
        return this.diagnostics(response);
    }

    async analyzeStack(resources: WireResource[]): Promise<Diagnostic[]> {
        const request = new this.proto.AnalyzeStackRequest();
        request.setResourcesList(resources.map((r) => this.resource(new this.proto.AnalyzerResource(), r)));
        const response = await call<InstanceType<Proto["AnalyzeResponse"]>>((cb) => this.client.analyzeStack(request, cb));
        return this.diagnostics(response);
    }

    async remediate(r: WireResource): Promise<{ policy: string; properties: Record<string, unknown> }[]> {
        const response = await call<InstanceType<Proto["RemediateResponse"]>>((cb) =>
            this.client.remediate(this.resource(new this.proto.AnalyzeRequest(), r), cb),
        );
        return response
            .getRemediationsList()
            .map((x) => ({ policy: x.getPolicyname(), properties: (x.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> }));
    }

    close(): void {
        this.client.close();
        this.child.kill();
    }
}
