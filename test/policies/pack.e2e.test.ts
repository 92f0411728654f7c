import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { exercise } from "../analyzer/packBehaviour";

const PACK = path.join(__dirname, "../../policies");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** Builds the pack's compiled entry when any source is newer than it. */
function buildIfStale(): void {
    const entry = path.join(PACK, "bin/index.js");
    const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
    const sources = (dir: string): string[] =>
        fs
            .readdirSync(dir, { withFileTypes: true })
            .flatMap((d) =>
                d.isDirectory()
                    ? ["bin", "node_modules"].includes(d.name)
                        ? []
                        : sources(path.join(dir, d.name))
                    : d.name.endsWith(".ts")
                      ? [path.join(dir, d.name)]
                      : [],
            );
    if (sources(PACK).some((f) => fs.statSync(f).mtimeMs > built)) {
        execFileSync(NPM, ["run", "build:policies"], { cwd: path.join(PACK, ".."), stdio: "ignore" });
    }
}

describe("the pack as the Pulumi CLI runs it (analyzer protocol), from the repository", function () {
    this.timeout(60000);
    before(function () {
        this.timeout(120000);
        buildIfStale();
    });
    exercise(() => PACK);
});
