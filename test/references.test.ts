import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { USAGE } from "../cli/arguments";
import { EXIT_CODES } from "../cli/exitCodes";
import { RULES } from "../policies/rules";

const page = (file: string) => fs.readFileSync(path.join(__dirname, "..", file), "utf8");
/** The pack's reference: the rules table, their options, the peer comparison. */
const PACK = page("policies/README.md");
/** The README: the exit-code table. */
const CLI = page("README.md");
/** The EMR facts the code cites, each tagged with its source. */
const FACTS = page("policies/reference/emr.md");

describe("the pack's reference and the exit codes (policies/README.md, README.md)", () => {
    it("lists every rule with its default level and severity, in the pack's order", () => {
        const rows = [...PACK.matchAll(/^\| `([a-z0-9-]+)`\s*\| (advisory|mandatory)\s*\| (low|medium|high|critical)\s*\|/gm)].map((m) => [
            m[1],
            m[2],
            m[3],
        ]);
        assert.deepStrictEqual(
            rows,
            RULES.map((r) => [r.name, r.enforcementLevel, r.severity]),
        );
    });

    it("names every option of every rule", () => {
        for (const rule of RULES) {
            for (const option of Object.keys(rule.configSchema?.properties ?? {})) {
                assert.ok(PACK.includes(`\`${option}\``), `${rule.name}: ${option}`);
            }
        }
    });

    it("answers every peer category C01 to C24 with rules of the pack, or says plainly that none covers it", () => {
        const names = new Set(RULES.map((r) => r.name));
        const rows = [...PACK.matchAll(/^\| (C\d\d) +\| [^|]+\| (.+?) +\|$/gm)];
        assert.deepStrictEqual(
            rows.map((m) => m[1]),
            Array.from({ length: 24 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`),
        );
        for (const [, category, here] of rows) {
            const named = [...here.matchAll(/`((?:emr|kms)-[a-z0-9-]+)`/g)].map((m) => m[1]);
            assert.ok(named.length > 0 || here.startsWith("no rule: "), category);
            for (const name of named) {
                assert.ok(names.has(name), `${category} names ${name}, which is not a rule of the pack`);
            }
        }
    });

    it("has the command's exit-code table, one row per code the command returns, as --help states it", () => {
        const rows = [...CLI.matchAll(/^\| (\d+) +\| (.+) \|$/gm)].map((m) => Number(m[1]));
        assert.deepStrictEqual(rows, [...new Set(Object.values(EXIT_CODES))]);
        for (const code of Object.values(EXIT_CODES)) {
            assert.match(USAGE, new RegExp(`\\b${code}\\b`), `--help names exit code ${code}`);
        }
    });

    it("defines in its sources table every source tag the EMR facts page cites", () => {
        const defined = new Set([...FACTS.matchAll(/^\| ([A-Z][A-Z0-9]+) +\| /gm)].map((m) => m[1]));
        const cited = new Set([...FACTS.matchAll(/\(([A-Z][A-Z0-9]+(?:, [A-Z][A-Z0-9]+)*)\)/g)].flatMap((m) => m[1].split(", ")));
        assert.ok(cited.size > 20, `${cited.size} tags cited`);
        assert.deepStrictEqual(
            [...cited].filter((tag) => !defined.has(tag)),
            [],
        );
    });
});
