/**
 * The guard the command loads into every program: Node.js 20 and 22 loop forever in
 * util.inspect(error, { colors: true }) on a stack frame whose path ends in a node_modules
 * segment with no separator after the package (nodejs/node#64011), and the SDK formats every
 * uncaught error that way.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { tripsColouredInspect } from "../../cli/programPreload";

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
});
