/**
 * Writes what the Pulumi CLI would save for a program, in exactly its shapes, from a run on the
 * offline engine: `pulumi stack export` (apitype.UntypedDeployment of version 3, DeploymentV3,
 * ResourceV3, SecretV1, OperationV2) after an update, or `pulumi preview --json`
 * (display previewDigest of previewStep) from a preview. Run as a child process:
 *   node -r ts-node/register/transpile-only savedArtifacts.ts <export|preview> <program-dir> <out-file> [key=value...]
 * It runs the built command (bin/), whose runner starts the program with the built preload.
 * To hold the readers to more than the happy path, the export also carries what real ones do: the
 * stack and provider resources, a resource of another provider, a resource marked for deletion,
 * one pending replacement, a pending operation, and secrets as ciphertext envelopes.
 */
import * as fs from "fs";
import * as path from "path";
import { Registration } from "../../bin/cli/offlineEngine";
import { runProgram } from "../../bin/cli/programRunner";
import { loadProject, stackConfig } from "../../bin/cli/stackConfig";
import { SECRET_SIG, SECRET_VALUE } from "../../policies/secrets";

const [mode, given, out, ...pairs] = process.argv.slice(2);
const dir = path.resolve(given);

/** Secrets as an export holds them without --show-secrets: the value encrypted. */
function sealed(value: unknown): unknown {
    if (typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE) {
        return { [SECRET_SIG]: SECRET_VALUE, ciphertext: "AAABAKaq7ytMR1Bo3WNzgfc7" };
    }
    if (Array.isArray(value)) {
        return value.map(sealed);
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sealed(v)]));
    }
    return value;
}

function resourceV3(r: Registration, provider: string) {
    return {
        urn: r.urn,
        custom: r.custom,
        ...(r.custom && { id: `${r.name}-id` }),
        type: r.type,
        inputs: sealed(r.inputs),
        outputs: sealed(r.state ?? r.inputs),
        ...(r.parent && { parent: r.parent }),
        ...(r.protect && { protect: true }),
        ...(r.custom && { provider }),
        ...(r.sourcePosition && { sourcePosition: `project:///index.ts#${r.sourcePosition.line},${r.sourcePosition.column}` }),
        created: "2026-12-01T10:00:00Z",
        modified: "2026-12-01T10:00:00Z",
    };
}

async function main() {
    const project = loadProject(dir);
    const config = stackConfig({ dir, project, stack: "dev", pairs });
    const run = await runProgram(dir, project, config, {
        project: project.name,
        stack: "dev",
        region: "us-east-1",
        accountId: "123456789012",
        partition: "aws",
        preview: mode === "preview",
        timeoutSeconds: 120,
        programOutput: () => undefined,
    });
    if (run.errors.length > 0) {
        throw new Error(run.errors.join("\n"));
    }
    const stackUrn = `urn:pulumi:dev::${project.name}::pulumi:pulumi:Stack::${project.name}-dev`;
    const providerUrn = `urn:pulumi:dev::${project.name}::pulumi:providers:aws::default_7_48_0`;
    const provider = `${providerUrn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`;
    const resources = run.engine.registered
        .filter((r) => r.type !== "pulumi:pulumi:Stack")
        .map((r) => ({ ...r, parent: r.parent ?? stackUrn }));
    const configuration = resources.find((r) => r.type === "aws:emr/securityConfiguration:SecurityConfiguration")!;
    if (mode === "export") {
        const other = (name: string, extra: Record<string, unknown>) => ({
            urn: `urn:pulumi:dev::${project.name}::random:index/randomPet:RandomPet::${name}`,
            custom: true,
            id: name,
            type: "random:index/randomPet:RandomPet",
            inputs: { length: 2 },
            outputs: { id: name, length: 2 },
            parent: stackUrn,
            ...extra,
        });
        // Copies of the insecure configuration that are no longer in the stack: they must not be judged.
        const gone = (name: string, extra: Record<string, unknown>) => ({
            ...resourceV3({ ...configuration, urn: `${configuration.urn}-${name}`, name: `${configuration.name}-${name}` }, provider),
            ...extra,
        });
        const document = {
            version: 3,
            deployment: {
                manifest: { time: "2026-12-01T10:00:00Z", magic: "0c5b3c4bd2e7b8ba", version: "v3.276.0" },
                secrets_providers: { type: "passphrase", state: { salt: "v1:Mw2B:v1:Lk6sBcOZ" } },
                resources: [
                    { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                    {
                        urn: providerUrn,
                        custom: true,
                        id: "04da6b54",
                        type: "pulumi:providers:aws",
                        inputs: { region: "us-east-1" },
                        outputs: { region: "us-east-1" },
                    },
                    ...resources.map((r) => resourceV3(r, provider)),
                    other("pet", {}),
                    gone("deleted", { delete: true }),
                    gone("replaced", { pendingReplacement: true }),
                ],
                pending_operations: [{ resource: other("creating", {}), type: "creating" }],
            },
        };
        fs.writeFileSync(out, JSON.stringify(document, null, 2));
    } else {
        const steps = resources.map((r) => ({ op: "create", urn: r.urn, provider, newState: resourceV3(r, provider) }));
        fs.writeFileSync(
            out,
            JSON.stringify(
                {
                    config: {},
                    steps: [
                        { op: "same", urn: stackUrn, newState: { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" } },
                        ...steps,
                    ],
                    duration: 1234567890,
                    changeSummary: { create: steps.length, same: 1 },
                },
                null,
                2,
            ),
        );
    }
}

main().then(
    () => process.exit(0),
    (error: Error) => {
        console.error(error.message);
        process.exit(1);
    },
);
