import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

describe("the test suite", () => {
    // npm test runs the spec, which lists the slowest folders first so that the two workers finish
    // together; npm run test:installed runs the package as users install it. A folder both forget
    // would never run, and one they both name would run twice.
    it("runs every test file exactly once, in npm test or in npm run test:installed", () => {
        const installed = /'([^']+)'$/.exec(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts["test:installed"]);
        assert.ok(installed, "test:installed names its files last, in single quotes");
        const spec: string[] = [...JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8")).spec, installed[1]];
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
