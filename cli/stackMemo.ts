/**
 * Stack traces formatted once per sequence of frames, in the program's process.
 */

/** Formatted stack tails kept at most; the cache starts over when full, so memory stays bounded. */
const MAX_STACKS = 20000;

/**
 * What identifies a frame's formatted line: V8's own text for the call site, which holds every fact
 * a formatter prints (function, type and method, file, line and column, eval origin, async, new).
 */
const frameKey = (frame: NodeJS.CallSite): string => frame.toString();

type Prepare = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/**
 * The same formatter, remembering the frames part of what it returned for a sequence of frames.
 * `cmd/run` installs source-map-support, which maps and clones every frame of every stack, and the
 * SDK reads `new Error().stack` for each promise it makes (debuggablePromise) and each resource
 * (its source position): under `pulumi up` too, that was 18 of 27 s for a program of 2,000
 * buckets. The stacks repeat, so the formatted frames are kept; the header (the error's name and
 * message) comes from the formatter itself, called with no frames, so the text is exactly what it
 * would have been.
 */
export function remembering(prepare: Prepare): Prepare {
    const tails = new Map<string, string>();
    return (error, frames) => {
        if (!Array.isArray(frames) || frames.length === 0) {
            return prepare(error, frames);
        }
        const key = frames.map(frameKey).join("\u0000");
        const header = prepare(error, []);
        const known = tails.get(key);
        if (known !== undefined && typeof header === "string") {
            return header + known;
        }
        const full = prepare(error, frames);
        if (typeof full === "string" && typeof header === "string" && full.startsWith(header)) {
            if (tails.size >= MAX_STACKS) {
                tails.clear();
            }
            tails.set(key, full.slice(header.length));
        }
        return full;
    };
}

// Whoever installs a formatter (source-map-support, ts-node's copy of it, the program) gets it
// wrapped; reading the property gives the wrapped one, which Node.js calls.
let formatter: unknown = Error.prepareStackTrace;
Object.defineProperty(Error, "prepareStackTrace", {
    configurable: true,
    enumerable: false,
    get: () => formatter,
    set: (value: unknown) => {
        formatter = typeof value === "function" ? remembering(value as Prepare) : value;
    },
});
