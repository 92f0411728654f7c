import * as fs from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..");

/** The relative links of a Markdown page, outside code blocks: `[text](target)`. */
export function relativeLinks(page: string): string[] {
    const text = fs.readFileSync(path.join(ROOT, page), "utf8").replace(/```[\s\S]*?```/g, "");
    return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/.test(target));
}

/** Where a link from `page` leads, as a path from the repository's root, and its anchor. */
export function resolveLink(page: string, target: string): { file: string; anchor?: string } {
    const [file, anchor] = target.split("#");
    return { file: file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page, anchor };
}

/** Every page reachable from the README by relative links, the README included. */
export function documentationPages(): string[] {
    const seen = new Set<string>();
    const visit = (page: string) => {
        if (seen.has(page) || !page.endsWith(".md") || !fs.existsSync(path.join(ROOT, page))) {
            return;
        }
        seen.add(page);
        relativeLinks(page).forEach((target) => visit(resolveLink(page, target).file));
    };
    visit("README.md");
    return [...seen].sort();
}
