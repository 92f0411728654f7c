import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { formatted } from "../../cli/checking";
import { CheckReport, failsAt } from "../../cli/reports";
import { RULES } from "../../policies/rules";
import { PROGRAMS, runCommand } from "./command";

const INSECURE = path.join(PROGRAMS, "insecure");
const CONFIGURATION_URN = "urn:pulumi:dev::insecure-emr::aws:emr/securityConfiguration:SecurityConfiguration::hand-written";
const CLUSTER_URN = "urn:pulumi:dev::insecure-emr::aws:emr/cluster:Cluster::no-security";

/** One exempted violation (IMDSv2 on the hand-written configuration) and one stale exception. */
const EXCEPTIONS = {
    all: "mandatory",
    exceptions: {
        "EXC-1": {
            reason: "A legacy agent needs IMDSv1 until March 2027 (SEC-481).",
            match: [{ policies: ["emr-imdsv2"], targets: [CONFIGURATION_URN] }],
        },
        "EXC-2": { reason: "Retired.", match: [{ policies: ["emr-imdsv1"], targets: [CLUSTER_URN] }] },
    },
};

function check(...args: string[]) {
    return runCommand(
        ["check", INSECURE, "--config", "kdcAdminPassword=Sup3r-Secret-Pw", ...args],
        { PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
        120000,
    );
}

/** Microsoft's SARIF validator, from its npm package; the run bit given if npm's install-script policy skipped its postinstall. */
function sarifValidator(file: string): { errors: string[]; output: string } {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binary = require("@microsoft/sarif-multitool") as string;
    try {
        fs.accessSync(binary, fs.constants.X_OK);
    } catch {
        fs.chmodSync(binary, 0o755);
    }
    const schema = path.join(path.dirname(binary), "sarif-2.1.0.json");
    const result = spawnSync(binary, ["validate", file, "--json-schema", schema], { encoding: "utf8", timeout: 300000 });
    const output = `${result.stdout}${result.stderr}`;
    assert.strictEqual(result.status, 0, output);
    assert.match(output, /Analysis completed successfully/, output);
    return { errors: output.split("\n").filter((line) => /: error [A-Z]+\d+:/.test(line)), output };
}

describe("check's reports for CI systems: exceptions, SARIF, JUnit, JSON, --fail-on", function () {
    this.timeout(300000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "emr-security-reports-"));
    after(() => fs.rmSync(work, { recursive: true, force: true }));
    const config = path.join(work, "exceptions.json");
    fs.writeFileSync(config, JSON.stringify(EXCEPTIONS));
    let report: CheckReport & { exitCode: number };

    before(() => {
        const run = check("--policy-config", config, "--format", "json");
        assert.strictEqual(run.code, 1, run.stderr);
        report = JSON.parse(run.stdout);
    });

    it("JSON: each finding with its rule's severity, compliance tags and fix, its source position, and the exemption", () => {
        const exempted = report.findings.filter((f) => f.exemption);
        assert.deepStrictEqual(
            exempted.map((f) => [f.policy, f.resource, f.exemption]),
            [["emr-imdsv2", CONFIGURATION_URN, { id: "EXC-1", reason: EXCEPTIONS.exceptions["EXC-1"].reason }]],
        );
        const imds = exempted[0];
        assert.strictEqual(imds.severity, "medium");
        assert.ok(imds.tags.includes("nist-800-53-r5:AC-3"), imds.tags.join(" "));
        assert.match(imds.remediation ?? "", /MinimumInstanceMetadataServiceVersion 2/);
        assert.ok(fs.existsSync(new URL(imds.docs!)), `the page the finding links exists: ${imds.docs}`);
        assert.deepStrictEqual(imds.source, { file: "index.ts", line: 7, column: 31 });
        assert.strictEqual(report.counts.exempted, 1);
        assert.strictEqual(report.counts.mandatory, 11, "12 violations, one exempted");
        assert.deepStrictEqual(
            Object.values(report.counts.bySeverity).reduce((a, b) => a + b, 0),
            report.counts.mandatory + report.counts.advisory,
        );
        assert.deepStrictEqual(report.exceptionWarnings, [
            'exception "EXC-2" names "emr-imdsv1", not a rule of this pack',
            'exception "EXC-2" exempted nothing in this run: remove it, or fix its policies and targets',
        ]);
    });

    it("SARIF: validates with Microsoft's SARIF validator with no error, carries the rules, and suppresses the exempted result", () => {
        const file = path.join(work, "check.sarif");
        const run = check("--policy-config", config, "--format", "sarif", "--output", file);
        assert.strictEqual(run.code, 1, run.stderr);
        assert.strictEqual(run.stdout, "", "the report goes to --output only");
        const { errors, output } = sarifValidator(file);
        assert.deepStrictEqual(errors, [], output);
        const sarif = JSON.parse(fs.readFileSync(file, "utf8"));
        const [sarifRun] = sarif.runs;
        const rule = sarifRun.tool.driver.rules.find((r: { id: string }) => r.id === "emr-imdsv2");
        assert.strictEqual(rule.properties["security-severity"], "5.5");
        assert.match(rule.helpUri, /^file:\/\/.*\/policies\/docs\/emr-imdsv2\.md$/);
        assert.match(rule.help.markdown, /^# emr-imdsv2\n[\s\S]*## Non-compliant/);
        assert.ok(rule.properties.tags.includes("pci-dss:2.2.1"), rule.properties.tags.join(" "));
        const suppressed = sarifRun.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
        assert.deepStrictEqual(
            suppressed.map((r: { ruleId: string; suppressions: { justification: string }[] }) => [
                r.ruleId,
                r.suppressions[0].justification,
            ]),
            [["emr-imdsv2", EXCEPTIONS.exceptions["EXC-1"].reason]],
        );
        const located = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === "emr-cluster-logging");
        assert.deepStrictEqual(located.locations[0].physicalLocation.region, { startLine: 18, startColumn: 1 });
        assert.strictEqual(located.locations[0].logicalLocations[0].fullyQualifiedName, CLUSTER_URN);
        assert.strictEqual(located.level, "error");

        // The validator can fail: a log without the tool's name is refused.
        delete sarifRun.tool.driver.name;
        fs.writeFileSync(file, JSON.stringify(sarif));
        assert.ok(sarifValidator(file).errors.length > 0, "a broken log is reported");
    });

    it("JUnit: a standard XML parser reads a suite per rule, failures for the mandatory violations, the exempted one skipped", () => {
        const errors: string[] = [];
        const document = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(
            formatted(report, { format: "junit", failOn: "mandatory", dir: INSECURE }, { exitCode: 1, warnings: [], version: "0" }),
            "text/xml",
        );
        assert.deepStrictEqual(errors, []);
        const suites = Array.from(document.getElementsByTagName("testsuite"));
        assert.strictEqual(suites.length, RULES.length);
        const failures = Array.from(document.getElementsByTagName("failure"));
        assert.strictEqual(failures.length, report.counts.mandatory);
        const imds = suites.find((s) => s.getAttribute("name") === "emr-imdsv2")!;
        assert.strictEqual(
            imds.getElementsByTagName("skipped")[0]?.getAttribute("message"),
            `exempted by EXC-1: ${EXCEPTIONS.exceptions["EXC-1"].reason}`,
        );
        assert.strictEqual(document.documentElement!.getAttribute("failures"), String(report.counts.mandatory));
    });

    it("--fail-on: mandatory by default, advisory counts advisories too, never reports without failing", () => {
        assert.strictEqual(failsAt(report, "mandatory"), true);
        const onlyAdvice = { ...report, counts: { ...report.counts, mandatory: 0, advisory: 2 } };
        assert.deepStrictEqual(
            (["mandatory", "advisory", "never"] as const).map((level) => failsAt(onlyAdvice, level)),
            [false, true, false],
        );
        const run = check("--policy-config", config, "--fail-on", "never");
        assert.strictEqual(run.code, 0, run.stderr);
        assert.match(
            run.stdout,
            /11 mandatory findings in insecure-emr\/dev; 1 exempted by exceptions: reported, not failing \(--fail-on never\)\./,
        );
        assert.match(run.stdout, /exempted +emr-imdsv2: [\s\S]*by exception EXC-1: A legacy agent/);
        assert.match(run.stdout, /aws:emr\/cluster:Cluster {2}no-security {2}\(index\.ts:18\)/);
        assert.match(run.stderr, /warning: exception "EXC-2" exempted nothing in this run/);
    });
});
