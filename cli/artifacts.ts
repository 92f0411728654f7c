/**
 * Saved artifacts `check` reads instead of running a program: a `pulumi stack export` file and a
 * `pulumi preview --json` document. Their shapes are the CLI's (pulumi/pulumi
 * sdk/go/common/apitype/core.go: UntypedDeployment, DeploymentV3, ResourceV3, OperationV2,
 * SecretV1; pkg/backend/display/json.go: previewDigest, previewStep). Secrets stay in their
 * envelopes: the pack opens plaintext ones and treats ciphertext as unknown.
 */
import { Registration, SourcePosition } from "./offlineEngine";

/** The resources to judge, where they came from, and what was left out and why. */
export interface Artifact {
    /** From the first URN: `urn:pulumi:<stack>::<project>::...`. */
    project: string;
    stack: string;
    /** A preview's planned state holds values unknown until update; a deployed stack's does not. */
    preview: boolean;
    registered: Registration[];
    /** Resources left out, each with the reason: deleted, pending replacement, pending operations. */
    skipped: string[];
}

/** The deployment format `pulumi stack export` writes today (apitype.DeploymentSchemaVersionCurrent). */
const CURRENT_VERSION = 3;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** `project:///index.ts#7,31` (or `file:///...`) as a position; anything else is no position. */
export function parseSourcePosition(text: unknown): SourcePosition | undefined {
    const match = typeof text === "string" ? /^([a-z]+:\/\/[^#]*)#(\d+)(?:,(\d+))?$/.exec(text) : null;
    return match ? { uri: match[1], line: Number(match[2]), column: Number(match[3] ?? 1) } : undefined;
}

/** A serialized resource (ResourceV3) as a registration: its state is its outputs, else its inputs. */
function registration(resource: Json, where: string): Registration {
    const urn = resource.urn;
    const type = resource.type;
    if (typeof urn !== "string" || !urn.startsWith("urn:pulumi:") || typeof type !== "string") {
        throw new Error(`${where} is not a resource: it needs a urn (urn:pulumi:...) and a type`);
    }
    const outputs = isObject(resource.outputs) ? resource.outputs : undefined;
    const inputs = isObject(resource.inputs) ? resource.inputs : {};
    return {
        type,
        name: urn.split("::").pop() ?? urn,
        urn,
        parent: typeof resource.parent === "string" && resource.parent ? resource.parent : undefined,
        custom: resource.custom === true,
        inputs,
        state: outputs && Object.keys(outputs).length > 0 ? outputs : inputs,
        protect: resource.protect === true,
        retainOnDelete: resource.retainOnDelete === true,
        sourcePosition: parseSourcePosition(resource.sourcePosition),
    };
}

function namesOf(registered: Registration[], file: string): { project: string; stack: string } {
    const urn = registered[0]?.urn;
    const [stack, project] = urn ? urn.slice("urn:pulumi:".length).split("::") : [];
    if (!stack || !project) {
        throw new Error(`${file} holds no resources to check`);
    }
    return { project, stack };
}

/**
 * A `pulumi stack export` document. Versions 1 and 2 are refused: the CLI has written version 3
 * since 2019 and reads the older ones only to migrate them, which `pulumi stack export` then does.
 */
export function readStackExport(document: unknown, file: string): Artifact {
    if (!isObject(document) || !isObject(document.deployment)) {
        throw new Error(`${file} is not a stack export: it has no "deployment" (write one with pulumi stack export --file ${file})`);
    }
    const version = document.version;
    if (version !== CURRENT_VERSION) {
        throw new Error(
            `${file} is a deployment of version ${JSON.stringify(version)}; this command reads version ${CURRENT_VERSION}, which pulumi stack export writes: export the stack again with a current Pulumi CLI`,
        );
    }
    const deployment = document.deployment;
    const resources = Array.isArray(deployment.resources) ? deployment.resources : [];
    const registered: Registration[] = [];
    const skipped: string[] = [];
    resources.forEach((resource, i) => {
        if (!isObject(resource)) {
            throw new Error(`${file}: deployment.resources[${i}] is not a resource`);
        }
        const found = registration(resource, `${file}: deployment.resources[${i}]`);
        if (resource.delete === true) {
            skipped.push(`${found.urn}: marked for deletion`);
        } else if (resource.pendingReplacement === true) {
            skipped.push(`${found.urn}: deleted, pending replacement`);
        } else {
            registered.push(found);
        }
    });
    for (const operation of Array.isArray(deployment.pending_operations) ? deployment.pending_operations : []) {
        const urn = isObject(operation) && isObject(operation.resource) ? operation.resource.urn : undefined;
        const type = isObject(operation) ? operation.type : undefined;
        skipped.push(`${String(urn)}: a pending ${String(type)} operation, whose outcome the export does not know`);
    }
    return { ...namesOf(registered, file), preview: false, registered, skipped };
}

/** The operations after which a resource is no longer in the stack. */
const REMOVING = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** A `pulumi preview --json` document: the stack as the preview plans it, each step's new state. */
export function readPreviewJson(document: unknown, file: string): Artifact {
    if (!isObject(document) || !Array.isArray(document.steps)) {
        throw new Error(`${file} is not pulumi preview --json output: it has no "steps"`);
    }
    const registered: Registration[] = [];
    const skipped: string[] = [];
    const seen = new Set<string>();
    document.steps.forEach((step, i) => {
        if (!isObject(step)) {
            throw new Error(`${file}: steps[${i}] is not a step`);
        }
        const op = String(step.op);
        if (REMOVING.has(op) || !isObject(step.newState)) {
            skipped.push(`${String(step.urn)}: ${op}, not in the stack after the update`);
            return;
        }
        const found = registration(step.newState, `${file}: steps[${i}].newState`);
        // A replacement shows the new resource twice (create-replacement, replace): judge it once.
        if (!seen.has(found.urn)) {
            seen.add(found.urn);
            registered.push(found);
        }
    });
    return { ...namesOf(registered, file), preview: true, registered, skipped };
}
