/**
 * Keys written twice in one object of a JSON text. `JSON.parse` keeps the last value, as the
 * common Java parsers do by default, and the validator judges that value; but a reader that keeps
 * the first would see another document, so each duplicate is reported.
 */
import { pointer, Problem, quote } from "./problem";

interface Frame {
    /** Keys seen in this object; `undefined` for an array. */
    keys?: Set<string>;
    /** The segment of the value being read: the last key, or the array index. */
    segment: string | number;
}

/** At most this many duplicates are reported; a hostile text could hold millions. */
const MAX_REPORTED = 20;

/** Scans text that `JSON.parse` accepted; iterative, so nesting depth costs no stack. */
export function duplicateKeys(text: string): Problem[] {
    const problems: Problem[] = [];
    const stack: Frame[] = [];
    let i = 0;
    while (i < text.length && problems.length < MAX_REPORTED) {
        const c = text[i];
        if (c === '"') {
            let end = i + 1;
            while (text[end] !== '"') {
                end += text[end] === "\\" ? 2 : 1;
            }
            const top = stack[stack.length - 1];
            let next = end + 1;
            while (next < text.length && /\s/.test(text[next])) {
                next++;
            }
            if (top?.keys && text[next] === ":") {
                const key = JSON.parse(text.slice(i, end + 1)) as string;
                if (top.keys.has(key)) {
                    const path = [...stack.slice(0, -1).map((f) => f.segment), key];
                    problems.push({
                        path: pointer(path),
                        code: "duplicate-key",
                        message: `${quote(key)} is written more than once in this object; the last value is the one judged here, but a reader that keeps the first would see another document. Keep one`,
                    });
                }
                top.keys.add(key);
                top.segment = key;
            }
            i = end + 1;
            continue;
        }
        if (c === "{" || c === "[") {
            stack.push({ keys: c === "{" ? new Set() : undefined, segment: 0 });
        } else if (c === "}" || c === "]") {
            stack.pop();
        } else if (c === ",") {
            const top = stack[stack.length - 1];
            if (top && !top.keys) {
                top.segment = (top.segment as number) + 1;
            }
        }
        i++;
    }
    return problems;
}
