import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { anchor as anchorOf } from "../policies/docs/pages";
import { documentationPages, relativeLinks, resolveLink, ROOT } from "./docs";

const tracked = (pattern: string) =>
    execFileSync("git", ["ls-files", pattern], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);

describe("the documentation", () => {
    const pages = documentationPages();

    it("has a README a newcomer reads in five minutes: at most 250 lines", () => {
        const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n").length;
        assert.ok(lines <= 250, `README.md has ${lines} lines`);
    });

    it("reaches every page from the README: docs/, the pack's reference, its rule pages and EMR facts, the CHANGELOG", () => {
        const expected = [
            "README.md",
            "CHANGELOG.md",
            "policies/README.md",
            ...tracked("docs/*.md"),
            ...tracked("policies/reference/*.md"),
            ...tracked("policies/docs/*.md"),
        ].sort();
        assert.deepStrictEqual(pages, expected);
    });

    it("has no relative link that leads nowhere, nor to a heading that is not there", () => {
        const broken: string[] = [];
        for (const page of tracked("*.md").filter((p) => !p.startsWith("test/fixtures/"))) {
            for (const target of relativeLinks(page)) {
                const { file, anchor } = resolveLink(page, target);
                if (file.startsWith("..") || !fs.existsSync(path.join(ROOT, file))) {
                    broken.push(`${page}: ${target}`);
                } else if (anchor !== undefined && file.endsWith(".md")) {
                    const headings = [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]));
                    if (!headings.includes(anchor)) {
                        broken.push(`${page}: ${target} (no such heading)`);
                    }
                }
            }
        }
        assert.deepStrictEqual(broken, []);
    });

    it("cites no file outside the repository: the facts the code relies on are in policies/reference/emr.md", () => {
        const outside = /emr-cluster-configurations\.md|emr-security-configuration\.md|peer-policy-rules\.md|shared\/reference/;
        const citing = tracked("*")
            .filter((file) => /\.(ts|md|yaml|json)$/.test(file) && !file.endsWith("docs.test.ts"))
            .filter((file) => outside.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
        assert.deepStrictEqual(citing, []);
    });
});
