/**
 * The pack's shape, as a newcomer reads it from the tree: the model, the analyses several rules
 * share, and `rules/`, which holds one rule per file, named as the rule, and nothing else.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../policies/rules";

const RULES_DIR = path.join(__dirname, "../../policies/rules");

describe("the pack's layout", () => {
    it("rules/ holds one file per rule, named as the rule, and the index: nothing else", () => {
        const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts"));
        assert.deepStrictEqual(files.filter((f) => f !== "index.ts").sort(), RULES.map((r) => `${r.name}.ts`).sort());
    });

    it("each rule file exports exactly the rule it is named for", () => {
        for (const rule of RULES) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const exported = Object.values(require(path.join(RULES_DIR, rule.name)) as Record<string, unknown>);
            assert.deepStrictEqual(exported, [rule], rule.name);
        }
    });

    it("states each rule option once: the schema's default is the runtime default (ruleOptions), never a second object", () => {
        for (const rule of RULES.filter((r) => r.configSchema)) {
            const source = fs.readFileSync(path.join(RULES_DIR, `${rule.name}.ts`), "utf8");
            assert.match(source, /configSchema: OPTIONS\.configSchema/, rule.name);
            assert.match(source, /^ {4}OPTIONS\.defaults,$/m, rule.name);
        }
    });
});
