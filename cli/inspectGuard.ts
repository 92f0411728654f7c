/**
 * Node.js 20 and 22 (before the fix of nodejs/node#64011, PR #64022; 24.22 has it) loop forever,
 * allocating until the heap is gone, when `util.inspect(error, { colors: true })` meets a stack
 * frame whose path ends in a `node_modules` segment with no separator after the package name. The
 * SDK's `cmd/run` formats every uncaught error that way (`defaultErrorMessage`, also for the
 * tracing span after the error is logged), and its source maps name its own frames
 * `.../node_modules/@pulumi/config.ts`, `.../@pulumi/resource.ts` and so on: exactly such a path.
 * So a program that fails in `Config.require`, or whose error passes through the SDK's top-level
 * files, hung instead of exiting, under `pulumi up` too. Only errors whose stack would trip the bug
 * lose their colours; nothing else changes.
 */
import { syncBuiltinESMExports } from "module";
// The module object itself, not an interop copy: the SDK's `__importStar` copies its properties when
// it loads, after this file has replaced `inspect`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import util = require("util");

/** Whether a stack has a frame on which Node's colouring of `node_modules` paths does not terminate. */
export function tripsColouredInspect(stack: string): boolean {
    for (const line of stack.split("\n")) {
        let at = line.indexOf("node_modules");
        while (at !== -1) {
            const rest = line.slice(at + "node_modules".length + 1);
            const separators = rest.split(/[\\/]/).length - 1;
            if (separators < (rest.startsWith("@") ? 2 : 1)) {
                return true;
            }
            at = line.indexOf("node_modules", at + 1);
        }
    }
    return false;
}

const inspect = util.inspect;
function guardedInspect(this: unknown, value: unknown, ...rest: unknown[]): string {
    const options = rest[0];
    if (
        typeof options === "object" &&
        options !== null &&
        (options as util.InspectOptions).colors &&
        value instanceof Error &&
        typeof value.stack === "string" &&
        tripsColouredInspect(value.stack)
    ) {
        return inspect(value, { ...(options as util.InspectOptions), colors: false });
    }
    return (inspect as (...args: unknown[]) => string).apply(this, [value, ...rest]);
}
// `inspect.custom`, `defaultOptions` (an accessor), `colors` and `styles` stay reachable as before.
Object.defineProperties(guardedInspect, Object.getOwnPropertyDescriptors(inspect));
(util as { inspect: unknown }).inspect = guardedInspect;
// Programs that are ES modules import `node:util` through its ESM facade, which is a copy.
syncBuiltinESMExports();
