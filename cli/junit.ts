/**
 * `check --format junit`: JUnit XML, as CI test tabs read it. A test suite per rule, a test case
 * per rule and resource with a finding (and one passing case for a rule with none); a failure for
 * each violation at or above `--fail-on`, a skipped case for an exempted or deferred one.
 */
import type { Rule } from "../policies/rules";
import { CheckFinding, CheckReport, FailOn, failsRun } from "./reports";

/** Text as XML 1.0 carries it: markup escaped, and characters XML cannot hold replaced. */
function xml(text: string): string {
    return text
        .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

function testCase(finding: CheckFinding, fails: (f: CheckFinding) => boolean): string {
    const name = xml(finding.resource ?? "(the stack)");
    const open = `    <testcase classname="${xml(finding.policy)}" name="${name}">`;
    const where = finding.source ? `\n${finding.source.file}:${finding.source.line}` : "";
    if (finding.exemption) {
        return `${open}\n      <skipped message="${xml(`exempted by ${finding.exemption.id}: ${finding.exemption.reason}`)}"/>\n    </testcase>`;
    }
    if (finding.deferral) {
        return `${open}\n      <skipped message="${xml(`deferred: ${finding.message}`)}"/>\n    </testcase>`;
    }
    if (fails(finding)) {
        const body = `${finding.message}${finding.remediation ? `\nFix: ${finding.remediation}` : ""}${where}`;
        return `${open}\n      <failure message="${xml(finding.message)}" type="${finding.level}">${xml(body)}</failure>\n    </testcase>`;
    }
    return `${open}\n      <system-out>${xml(`${finding.level}: ${finding.message}${where}`)}</system-out>\n    </testcase>`;
}

export function junitReport(report: CheckReport, rules: readonly Rule[], failOn: FailOn): string {
    const fails = (f: CheckFinding) => failsRun(f.level, failOn);
    let tests = 0;
    let failures = 0;
    const suites = rules.map((rule) => {
        const findings = report.findings.filter((f) => f.policy === rule.name);
        const cases =
            findings.length > 0
                ? findings.map((f) => testCase(f, fails))
                : [`    <testcase classname="${xml(rule.name)}" name="no violation"/>`];
        const failed = findings.filter((f) => !f.exemption && !f.deferral && fails(f)).length;
        const skipped = findings.filter((f) => f.exemption || f.deferral).length;
        tests += cases.length;
        failures += failed;
        return `  <testsuite name="${xml(rule.name)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}">\n${cases.join("\n")}\n  </testsuite>`;
    });
    const name = xml(`emr-security check ${report.project}/${report.stack}`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${name}" tests="${tests}" failures="${failures}" errors="0">\n${suites.join("\n")}\n</testsuites>\n`;
}
