import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

describe("the test suite", () => {
    // The spec lists the slowest folders first so that the two workers finish together; a folder
    // it forgets would never run, and one it names twice would run twice.
    it("runs every test file exactly once", () => {
        const spec: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8")).spec;
        const matches = (file: string, pattern: string) =>
            pattern.endsWith("/**/*.test.ts")
                ? file.startsWith(pattern.slice(0, -"**/*.test.ts".length))
                : path.dirname(file) === path.dirname(pattern) && file.endsWith(".test.ts");
        const files = (fs.readdirSync(path.join(ROOT, "test"), { recursive: true }) as string[])
            .map((f) => `test/${f.split(path.sep).join("/")}`)
            .filter((f) => f.endsWith(".test.ts") && !f.startsWith("test/fixtures/"));
        assert.ok(files.length > 30);
        for (const file of files) {
            assert.strictEqual(spec.filter((pattern) => matches(file, pattern)).length, 1, file);
        }
    });
});
