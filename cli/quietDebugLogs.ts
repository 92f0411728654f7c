// The loader itself, whose `_load` every require goes through.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require("module");

/** The SDK's `log` module, recognised by what it exports (any copy, any version). */
interface SdkLog {
    debug: (...args: unknown[]) => Promise<void>;
    info: unknown;
    warn: unknown;
    error: unknown;
    hasErrors: unknown;
}

function isSdkLog(value: unknown): value is SdkLog {
    const log = value as Partial<SdkLog> | null;
    return (
        typeof log === "object" &&
        log !== null &&
        typeof log.debug === "function" &&
        typeof log.info === "function" &&
        typeof log.warn === "function" &&
        typeof log.error === "function" &&
        typeof log.hasErrors === "function"
    );
}

/**
 * Debug messages stay in the program. The SDK sends three for every resource, one at a time, each
 * waiting for the engine's answer to the last (`log/index.js` chains them); the offline engine
 * shows none of them, and for 2,000 resources the chain ran three seconds past the last
 * registration. Warnings and errors, which the command reports, go to the engine as before.
 */
const loadModule = (Module as unknown as { _load: (...args: unknown[]) => unknown })._load;
(Module as unknown as { _load: (...args: unknown[]) => unknown })._load = function (this: unknown, ...args: unknown[]) {
    const exported = loadModule.apply(this, args);
    if (isSdkLog(exported) && !quieted.has(exported)) {
        quieted.add(exported);
        exported.debug = () => Promise.resolve();
    }
    return exported;
};
const quieted = new WeakSet<object>();
