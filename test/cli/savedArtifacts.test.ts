import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckReport } from "../../cli/reports";
import { PROGRAMS, ROOT, runCommand } from "./command";

const INSECURE = path.join(PROGRAMS, "insecure");
const CONFIG = "kdcAdminPassword=Sup3r-Secret-Pw";
const ENV = { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

function command(...args: string[]) {
    return runCommand(args, ENV, 120000);
}

/** Saves what the Pulumi CLI would for the insecure program: its stack export, or its preview --json. */
function saved(mode: "export" | "preview", file: string): void {
    const result = spawnSync(
        process.execPath,
        ["--require", "ts-node/register/transpile-only", path.join(__dirname, "savedArtifacts.ts"), mode, INSECURE, file, CONFIG],
        { cwd: ROOT, encoding: "utf8", timeout: 120000, env: ENV },
    );
    assert.strictEqual(result.status, 0, result.stderr);
}

/** Findings by rule, URN and source line: what must not depend on where the resources were read. */
function verdicts(report: CheckReport): string[] {
    return report.findings
        .map((f) => `${f.policy} ${f.resource} ${f.source?.file}:${f.source?.line}${f.deferral ? " deferred" : ""}`)
        .sort();
}

describe("check on saved artifacts: a stack export and a preview's JSON, as the Pulumi CLI writes them", function () {
    this.timeout(300000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "emr-security-saved-"));
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("finds in a stack export what running the program finds, skipping what is deleted or pending, and saying so", () => {
        const file = path.join(work, "export.json");
        saved("export", file);
        const ran = command("check", INSECURE, "--config", CONFIG, "--format", "json");
        const exported = command("check", "--stack-export", file, "--format", "json");
        assert.strictEqual(ran.code, 1, ran.stderr);
        assert.strictEqual(exported.code, 1, exported.stderr);
        const fromRun = JSON.parse(ran.stdout) as CheckReport;
        const fromExport = JSON.parse(exported.stdout) as CheckReport & { warnings: string[] };
        assert.ok(fromRun.findings.length >= 10);
        assert.deepStrictEqual(verdicts(fromExport), verdicts(fromRun));
        assert.deepStrictEqual([fromExport.project, fromExport.stack], ["insecure-emr", "dev"]);
        assert.deepStrictEqual(
            fromExport.warnings.map((w) => w.replace(/^not checked: \S+: /, "")),
            ["marked for deletion", "deleted, pending replacement", "a pending creating operation, whose outcome the export does not know"],
        );
        assert.match(exported.stderr, /warning: not checked: .*SecurityConfiguration::hand-written-deleted: marked for deletion/);
    });

    it("finds in a preview's JSON what running the program as a preview finds", () => {
        const file = path.join(work, "preview.json");
        saved("preview", file);
        const ran = command("check", INSECURE, "--preview", "--config", CONFIG, "--format", "json");
        const previewed = command("check", "--preview-json", file, "--format", "json");
        assert.strictEqual(previewed.code, 1, previewed.stderr);
        assert.deepStrictEqual(verdicts(JSON.parse(previewed.stdout)), verdicts(JSON.parse(ran.stdout)));
    });

    it("refuses an export of an older format, a file of another kind, or an --output it cannot write, naming it, with exit 2", () => {
        const old = path.join(work, "v2.json");
        fs.writeFileSync(old, JSON.stringify({ version: 2, deployment: { manifest: {}, resources: [] } }));
        const refused = command("check", "--stack-export", old);
        assert.strictEqual(refused.code, 2);
        assert.match(
            refused.stderr,
            /v2\.json is a deployment of version 2; this command reads version 3, which pulumi stack export writes/,
        );
        const notPreview = command("check", "--preview-json", old);
        assert.strictEqual(notPreview.code, 2);
        assert.match(notPreview.stderr, /v2\.json is not pulumi preview --json output: it has no "steps"/);
        const nowhere = command("check", "--stack-export", old, "--output", path.join(work, "missing", "report.sarif"));
        assert.strictEqual(nowhere.code, 2);
        assert.match(nowhere.stderr, /--output .*report\.sarif: the folder .*missing does not exist/);
        const both = command("check", "--preview-json", old, "--stack-export", old);
        assert.strictEqual(both.code, 2);
        assert.match(both.stderr, /give --stack-export or --preview-json, not both/);
    });

    it("opens plaintext secrets of an export and defers on ciphertext ones, never reading the envelope as a value", async () => {
        const { openSecrets } = await import("../../policies/secrets");
        const { UNKNOWN } = await import("../../policies/unknown");
        const sig = "4dabf18193072939515e22adb298388d";
        const value = "1b47061264138c4ac30d75fd1eb44270";
        const opened = openSecrets({
            plain: { [sig]: value, plaintext: JSON.stringify({ EnableAtRestEncryption: true }) },
            sealed: { [sig]: value, ciphertext: "AAABAKaq7ytM" },
            broken: { [sig]: value, plaintext: "{not json" },
        });
        assert.deepStrictEqual(opened, {
            value: { plain: { EnableAtRestEncryption: true }, sealed: UNKNOWN, broken: UNKNOWN },
            sealed: true,
        });
    });
});
