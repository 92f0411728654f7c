/**
 * The policy pack as a team publishes it on its own: built and packed from a clean copy of its
 * folder with its own lock file, unpacked and installed from the tarball into a folder outside the
 * repository, then asked over the analyzer protocol as the Pulumi CLI asks it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { exercise } from "../analyzer/packBehaviour";
import { npm, packPolicyPack, workspace } from "./workspace";

const published = workspace("pack");

function publishedCopy(): string {
    const tarball = packPolicyPack(published.dir);
    const copy = path.join(published.dir, "installed");
    execFileSync("tar", ["-xzf", tarball, "-C", published.dir]);
    fs.renameSync(path.join(published.dir, "package"), copy);
    npm(copy, "install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error");
    return copy;
}

describe("the pack published: packed, unpacked and installed outside the repository (analyzer protocol)", function () {
    this.timeout(60000);
    exercise(publishedCopy);
    after(() => published.remove());
});
