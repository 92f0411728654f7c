/**
 * Secrets as the engine and `pulumi stack export` carry them: an object marked with Pulumi's
 * secret signature, holding the plaintext `value` or, in an export (apitype.SecretV1), the value's
 * JSON text as `plaintext` (`--show-secrets`) or its `ciphertext` (sdk/go/common/resource/sig:
 * SecretSig). A rule reads the plaintext; a ciphertext cannot be read here, so the value is unknown
 * and the checks that need it defer.
 */
import { UNKNOWN } from "./unknown";

export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export function isSecretEnvelope(value: unknown): value is { value?: unknown; plaintext?: unknown; ciphertext?: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE;
}

/** Whether a value holds an envelope anywhere: iterative and cycle-safe, so no input overflows the stack. */
function holdsEnvelope(root: unknown): boolean {
    const seen = new Set<object>();
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value !== "object" || value === null || seen.has(value)) {
            continue;
        }
        if (isSecretEnvelope(value)) {
            return true;
        }
        seen.add(value);
        for (const child of Object.values(value)) {
            stack.push(child);
        }
    }
    return false;
}

const NOT_JSON = Symbol("not JSON");

/** An export's plaintext is the value's JSON text; text that is not JSON is as unreadable as ciphertext. */
function parsedPlaintext(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return NOT_JSON;
    }
}

/** Envelopes deeper than this are left closed: no resource's props nest so deep but a hostile one's. */
const MAX_DEPTH = 1000;

/**
 * A value with every secret envelope opened: plaintext in place, ciphertext as UNKNOWN (`sealed`
 * says one was met). The same object comes back when it holds no envelope, which is the common
 * case and costs one scan; otherwise only the objects on a path to an envelope are copied.
 */
export function openSecrets(root: unknown): { value: unknown; sealed: boolean } {
    if (!holdsEnvelope(root)) {
        return { value: root, sealed: false };
    }
    let sealed = false;
    const copies = new Map<object, unknown>();
    const visit = (value: unknown, depth: number): unknown => {
        if (isSecretEnvelope(value)) {
            if ("value" in value) {
                return visit(value.value, depth + 1);
            }
            const plaintext = typeof value.plaintext === "string" ? parsedPlaintext(value.plaintext) : NOT_JSON;
            if (plaintext !== NOT_JSON) {
                return visit(plaintext, depth + 1);
            }
            sealed = true;
            return UNKNOWN;
        }
        if (typeof value !== "object" || value === null || depth > MAX_DEPTH) {
            return value;
        }
        if (copies.has(value)) {
            return copies.get(value);
        }
        copies.set(value, value);
        let copy: Record<string, unknown> | unknown[] | undefined;
        for (const [key, child] of Object.entries(value)) {
            const opened = visit(child, depth + 1);
            if (opened !== child) {
                copy ??= Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
                (copy as Record<string, unknown>)[key] = opened;
            }
        }
        if (copy) {
            copies.set(value, copy);
        }
        return copy ?? value;
    };
    const value = visit(root, 0);
    return { value, sealed };
}
