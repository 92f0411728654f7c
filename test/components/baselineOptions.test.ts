import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { BASELINE_OPTIONS, weakenedDefaults } from "../../components/baselineOptions";

const ROOT = path.join(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const OPTIONS = Object.entries(BASELINE_OPTIONS);
const GETTERS = { string: "get", boolean: "getBoolean", integer: "getNumber" } as const;

/** Where the components' reference keeps the baseline's "Default settings" table. */
const DEFAULTS_PAGE = "docs/components.md";

describe("SecureEmrBaseline's options, stated once (components/baselineOptions.ts)", () => {
    it("each argument's JSDoc states the default the component applies", () => {
        const source = read("components/secureEmrBaseline.ts");
        for (const [name, option] of OPTIONS) {
            const doc = new RegExp(`/\\*\\*([^/]*)\\*/\\s*${name}\\?:`).exec(source)?.[1] ?? "";
            assert.ok(doc.includes(`default ${option.default}`) || doc.includes(`${option.default}\` (default)`), `${name}: ${doc}`);
        }
    });

    it("the deployable stack declares each in Pulumi.yaml, of its type, with its default, and reads it with the getter of that type", () => {
        const config = (yaml.load(read("Pulumi.yaml")) as { config: Record<string, { type: string; description: string }> }).config;
        const program = read("deploy/index.ts");
        for (const [name, option] of OPTIONS) {
            assert.strictEqual(config[name]?.type, option.configType, name);
            assert.match(config[name].description, new RegExp(`default ${option.default}|${option.default} \\(default\\)`), name);
            assert.ok(program.includes(`${name}: config.${GETTERS[option.configType]}("${name}")`), `deploy/index.ts reads ${name}`);
        }
    });

    it("the components' reference has a row for each, with its default and when it warns", () => {
        const rows = new Map(
            [...read(DEFAULTS_PAGE).matchAll(/^\| `(\w+)` +\| ([^|]+)\|[^|]+\| ([^|]*)\|$/gm)].map((m) => [
                m[1],
                { shown: m[2], warns: m[3].trim() },
            ]),
        );
        for (const [name, option] of OPTIONS) {
            const row = rows.get(name);
            assert.ok(row, `${name} has a row`);
            assert.ok(row.shown.includes(`\`${option.default}\``), `${name}'s row shows its default ${option.default}: ${row.shown}`);
            assert.ok(row.warns, `${name}'s row says when it warns`);
        }
    });

    it("a default never warns; a weakening value warns with a sentence naming the option", () => {
        assert.deepStrictEqual(weakenedDefaults(Object.fromEntries(OPTIONS.map(([name, option]) => [name, option.default]))), []);
        const weakening = { s3EncryptionMode: "SSE-S3", separateKeys: false, imdsHopLimit: 2, keyDeletionWindowInDays: 7 };
        assert.deepStrictEqual(
            weakenedDefaults(weakening).map((w) => w.split(" ")[0]),
            Object.keys(weakening),
        );
        assert.deepStrictEqual(
            weakenedDefaults({ separateKeys: "false", imdsHopLimit: "64" }),
            [],
            "wrong types are the check's, not a warning's",
        );
    });
});
