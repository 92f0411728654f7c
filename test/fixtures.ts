import * as fs from "fs";
import * as path from "path";

export const FIXTURES = path.join(__dirname, "fixtures");

/** The example documents of test/fixtures, valid and invalid, by file name. */
export function exampleNames(prefix: "valid" | "invalid"): string[] {
    return fs
        .readdirSync(FIXTURES)
        .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".json"))
        .sort();
}

export function exampleText(name: string): string {
    return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export function example(name: string): Record<string, unknown> {
    return JSON.parse(exampleText(name));
}
