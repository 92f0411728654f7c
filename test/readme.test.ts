import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../policies/rules";

const README = fs.readFileSync(path.join(__dirname, "../README.md"), "utf8");

describe("README", () => {
    it("lists every rule with its default level and severity, in the pack's order", () => {
        const rows = [...README.matchAll(/^\| `([a-z0-9-]+)`\s*\| (advisory|mandatory)\s*\| (low|medium|high|critical)\s*\|/gm)].map(
            (m) => [m[1], m[2], m[3]],
        );
        assert.deepStrictEqual(
            rows,
            RULES.map((r) => [r.name, r.enforcementLevel, r.severity]),
        );
    });

    it("names every option of every rule", () => {
        for (const rule of RULES) {
            for (const option of Object.keys(rule.configSchema?.properties ?? {})) {
                assert.ok(README.includes(`\`${option}\``), `${rule.name}: ${option}`);
            }
        }
    });
});
