/**
 * The guard the command loads into every program: Node.js 20 and 22 loop forever in
 * util.inspect(error, { colors: true }) on a stack frame whose path ends in a node_modules
 * segment with no separator after the package (nodejs/node#64011), and the SDK formats every
 * uncaught error that way.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { tripsColouredInspect } from "../../cli/inspectGuard";

const PRELOAD = path.join(__dirname, "../../bin/cli/programPreload.js");

describe("the program preload", () => {
    it("recognises the frames Node.js cannot colour: a package file straight under node_modules, scoped or not", () => {
        assert.ok(tripsColouredInspect("Error: x\n    at Config.require (/app/node_modules/@pulumi/config.ts:313:21)"));
        assert.ok(tripsColouredInspect("Error: x\n    at f (/app/node_modules/left-pad.js:1:1)"));
        assert.ok(tripsColouredInspect("Error: x\n    at f (C:\\app\\node_modules\\left-pad.js:1:1)"));
        assert.ok(!tripsColouredInspect("Error: x\n    at f (/app/node_modules/@pulumi/pulumi/config.js:313:21)"));
        assert.ok(!tripsColouredInspect("Error: x\n    at f (/app/node_modules/left-pad/index.js:1:1)"));
        assert.ok(!tripsColouredInspect("Error: x\n    at f (/app/index.js:1:1)"));
    });

    it("lets util.inspect with colours return on such a stack, keeps colours elsewhere, and keeps inspect's own properties", function () {
        this.timeout(30000);
        const script = `
            const util = require("util");
            const trips = new Error("boom");
            trips.stack = "Error: boom\\n    at Config.require (/app/node_modules/@pulumi/config.ts:313:21)";
            const plain = util.inspect(trips, { colors: true });
            const fine = util.inspect(new Error("fine"), { colors: true });
            console.log(JSON.stringify({
                plain, colouredElsewhere: fine.includes("\\u001b["),
                custom: typeof util.inspect.custom, styles: typeof util.inspect.styles,
                defaults: util.inspect.defaultOptions.depth,
            }));`;
        const result = spawnSync(process.execPath, ["--require", PRELOAD, "-e", script], { encoding: "utf8", timeout: 20000 });
        assert.strictEqual(result.status, 0, result.stderr || "util.inspect did not return");
        const seen = JSON.parse(result.stdout);
        assert.strictEqual(seen.plain, "Error: boom\n    at Config.require (/app/node_modules/@pulumi/config.ts:313:21)");
        assert.strictEqual(seen.colouredElsewhere, true);
        assert.deepStrictEqual([seen.custom, seen.styles, seen.defaults], ["symbol", "object", 2]);
    });

    it("formats every stack exactly as the installed formatter would, remembering repeated ones", function () {
        this.timeout(30000);
        // source-map-support as cmd/run installs it, over the SDK's compiled, source-mapped files:
        // errors from several call sites, each thrown twice, one from a constructor, one async.
        const script = `
            require("source-map-support/register");
            const pulumi = require("@pulumi/pulumi");
            const stacks = [];
            class Thing { constructor() { stacks.push(new Error("in a constructor").stack); } }
            for (let i = 0; i < 2; i++) {
                try { new pulumi.Config("p").require("missing" + i); } catch (e) { stacks.push(e.stack); }
                try { pulumi.output(1).apply(() => undefined); JSON.parse("{"); } catch (e) { stacks.push(e.stack); }
                new Thing();
                stacks.push(new TypeError().stack);
            }
            (async () => { await null; stacks.push(new Error("async").stack); })().then(() => {
                console.log(JSON.stringify({ stacks, installed: typeof Error.prepareStackTrace }));
            });`;
        const runWith = (args: string[]) => {
            const result = spawnSync(process.execPath, [...args, "-e", script], {
                cwd: path.join(__dirname, "../.."),
                encoding: "utf8",
                timeout: 20000,
            });
            assert.strictEqual(result.status, 0, result.stderr);
            return JSON.parse(result.stdout) as { stacks: string[]; installed: string };
        };
        const plain = runWith([]);
        const remembered = runWith(["--require", PRELOAD]);
        assert.ok(
            plain.stacks.some((s) => /node_modules\/@pulumi\/config\.ts:\d+:\d+/.test(s)),
            "the SDK's frames are source-mapped",
        );
        assert.deepStrictEqual(remembered.stacks, plain.stacks);
        assert.strictEqual(remembered.installed, "function");
    });

    it("keeps the SDK's debug messages in the program, and its other logging as it was", function () {
        this.timeout(30000);
        const script = `
            const pulumi = require("@pulumi/pulumi");
            console.log(JSON.stringify([pulumi.log.debug.length, pulumi.log.warn.length, pulumi.log.error.length]));`;
        const lengths = (args: string[]) => {
            const result = spawnSync(process.execPath, [...args, "-e", script], {
                cwd: path.join(__dirname, "../.."),
                encoding: "utf8",
                timeout: 20000,
            });
            assert.strictEqual(result.status, 0, result.stderr);
            return JSON.parse(result.stdout) as number[];
        };
        const [debug, warn, error] = lengths([]);
        assert.ok(debug > 0, "the SDK's debug takes its message");
        assert.deepStrictEqual(lengths(["--require", PRELOAD]), [0, warn, error]);
    });
});
