import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as prettier from "prettier";
import { rulePage } from "../../policies/docs/pages";
import { RULES } from "../../policies/rules";

const DOCS = path.join(__dirname, "../../policies/docs");

describe("a page per rule (policies/docs)", () => {
    it("has a page for every rule, and no page that names no rule", () => {
        const pages = fs
            .readdirSync(DOCS)
            .filter((f) => f.endsWith(".md"))
            .map((f) => path.basename(f, ".md"))
            .sort();
        assert.deepStrictEqual(pages, RULES.map((r) => r.name).sort());
        for (const name of pages) {
            assert.strictEqual(fs.readFileSync(path.join(DOCS, `${name}.md`), "utf8").split("\n")[0], `# ${name}`);
        }
    });

    it("says on each page what the rule itself says: level, severity, fix, every option and compliance tag (npm run docs:rules)", async () => {
        const stale: string[] = [];
        for (const rule of RULES) {
            const file = path.join(DOCS, `${rule.name}.md`);
            const expected = await prettier.format(rulePage(rule), { ...(await prettier.resolveConfig(file)), filepath: file });
            if (fs.readFileSync(file, "utf8") !== expected) {
                stale.push(rule.name);
            }
            const text = fs.readFileSync(file, "utf8");
            for (const option of Object.keys(rule.configSchema?.properties ?? {})) {
                assert.ok(text.includes(`\`${option}\``), `${rule.name}: ${option}`);
            }
            for (const tag of rule.tags ?? []) {
                assert.ok(text.includes(`\`${tag}\``), `${rule.name}: ${tag}`);
            }
        }
        assert.deepStrictEqual(stale, [], "run npm run docs:rules");
    });
});
