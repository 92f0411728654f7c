/**
 * The Spark properties a spark-submit argument string sets, as Spark's launcher reads them
 * (policies/reference/emr.md §7): `SparkSubmitOptionParser` takes `--conf` or `-c` followed by its
 * value, or `--conf=value`, and `SparkSubmitArguments` splits the value at its first `=` into a
 * property and its value, a later `--conf` replacing an earlier one. The string is split into
 * words as a POSIX shell splits it (whitespace, with single or double quotes holding a word
 * together), which is how the EMR on EKS examples write `sparkSubmitParameters`.
 */

export interface SubmitArguments {
    /** Each `--conf` in order, the last one of a property being the one Spark keeps. */
    confs: { property: string; value: string }[];
    /** `--properties-file`: Spark reads that file instead of spark-defaults.conf. */
    propertiesFile?: string;
}

/** Words of a command line, quotes removed; an unclosed quote runs to the end. */
function words(text: string): string[] {
    const out: string[] = [];
    let word: string | undefined;
    let quote: string | undefined;
    for (const ch of text) {
        if (quote) {
            if (ch === quote) {
                quote = undefined;
            } else {
                word += ch;
            }
        } else if (ch === '"' || ch === "'") {
            quote = ch;
            word ??= "";
        } else if (/\s/.test(ch)) {
            if (word !== undefined) {
                out.push(word);
                word = undefined;
            }
        } else {
            word = (word ?? "") + ch;
        }
    }
    if (word !== undefined) {
        out.push(word);
    }
    return out;
}

/** What `--conf` and `--properties-file` in spark-submit parameters set. */
export function submitArguments(parameters: string): SubmitArguments {
    const out: SubmitArguments = { confs: [] };
    const args = words(parameters);
    for (let i = 0; i < args.length; i++) {
        // Spark's `(--[^=]+)=(.+)`: a long option and its value in one word.
        const joined = /^(--[^=]+)=(.+)$/s.exec(args[i]);
        const option = joined ? joined[1] : args[i];
        const takesValue = option === "--conf" || option === "-c" || option === "--properties-file";
        if (!takesValue) {
            continue;
        }
        const value = joined ? joined[2] : args[++i];
        if (value === undefined) {
            break;
        }
        if (option === "--properties-file") {
            out.propertiesFile = value;
            continue;
        }
        const at = value.indexOf("=");
        if (at > 0) {
            out.confs.push({ property: value.slice(0, at), value: value.slice(at + 1) });
        }
    }
    return out;
}
