/** `npm run docs:rules`: writes `policies/docs/<rule>.md` for every rule of the pack. */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../rules";
import { rulePage } from "./pages";

for (const rule of RULES) {
    fs.writeFileSync(path.join(__dirname, `${rule.name}.md`), rulePage(rule));
}
console.log(`wrote ${RULES.length} rule pages`);
