/** Files the command reads, named by path in every error: a parser's message alone does not say which file. */
import * as fs from "fs";
import * as yaml from "js-yaml";

function readParsed(file: string, format: string, parse: (text: string) => unknown): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
        return parse(text);
    } catch (e) {
        throw new Error(`${file} is not valid ${format}: ${(e as Error).message.split("\n")[0]}`);
    }
}

export function readJson(file: string): Record<string, unknown> {
    return readParsed(file, "JSON", (text) => JSON.parse(text)) as Record<string, unknown>;
}

export function readYaml(file: string): unknown {
    return readParsed(file, "YAML", (text) => yaml.load(text, { filename: file }));
}
