import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { validateSecurityConfiguration } from "../../policies/model";
import { PROGRAMS, ROOT, runCommand } from "./command";
const SECRET = "Sup3r-Secret-Pw";

const KERBEROS_WITH_SECRET = ["--config", "kerberosRealm=EC2.INTERNAL", "--config", `kdcAdminPassword=${SECRET}`];

/**
 * Runs the command on programs transpiled, which halves a run's time; `typeChecked` runs them as
 * Pulumi does by default. The root project is type-checked once, in "check on the root project".
 */
function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    // A run has no side effects, so tests that read the output of the same command share one run.
    const key = JSON.stringify(args);
    const done = runs.get(key) ?? runAs({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, args);
    runs.set(key, done);
    return done;
}
const runs = new Map<string, { code: number | null; stdout: string; stderr: string }>();

function typeChecked(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    return runAs({ PULUMI_NODEJS_TRANSPILE_ONLY: undefined }, args);
}

function runAs(env: NodeJS.ProcessEnv, args: string[]): { code: number | null; stdout: string; stderr: string } {
    return runCommand(args, env, 60000);
}

describe("emr-security synth and check (offline)", function () {
    this.timeout(60000);

    it("synth prints the root project's resource tree and a document EMR accepts, in text and JSON", () => {
        const text = run("synth", ...KERBEROS_WITH_SECRET);
        assert.strictEqual(text.code, 0, text.stderr);
        // Pulumi's tree: the stack at the root, the program's resources under it.
        assert.match(text.stdout, /^ {2}pulumi:pulumi:Stack {2}emr-security-dev$/m);
        assert.match(text.stdout, /^ {4}emr-security:index:SecureEmrBaseline {2}emr$/m);
        assert.match(text.stdout, /^ {8}aws:kms\/key:Key {2}emr-s3-key$/m);
        assert.match(text.stdout, /^EMR security configuration emr-config \(name emr-security-[0-9a-f]{12}\):$/m);
        const json = run("synth", "--json", ...KERBEROS_WITH_SECRET);
        assert.strictEqual(json.code, 0, json.stderr);
        const report = JSON.parse(json.stdout);
        assert.strictEqual(report.securityConfigurations.length, 1);
        assert.deepStrictEqual(validateSecurityConfiguration(report.securityConfigurations[0].document, { releaseLabel: "emr-7.5.0" }), []);
        assert.ok(report.resources.every((r: { parent?: string; type: string }) => r.parent || r.type === "pulumi:pulumi:Stack"));
    });

    it("synth takes the Region and the account from flags into every ARN and certificate name", () => {
        const { stdout } = run(
            "synth",
            "--json",
            "--region",
            "eu-central-1",
            "--account-id",
            "210987654321",
            "--config",
            'certificateExtraDnsNames=["trino.acme.example"]',
        );
        const document = JSON.parse(stdout).securityConfigurations[0].document;
        assert.match(
            document.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey,
            /^arn:aws:kms:eu-central-1:210987654321:key\//,
        );
    });

    it("check on the root project exits 0", () => {
        const { code, stdout, stderr } = typeChecked("check");
        assert.strictEqual(code, 0, stderr);
        assert.match(stdout, /No mandatory finding in emr-security\/dev \(1 advisory\): compliant\.$/m);
    });

    it("check on an insecure program exits 1 and names the rules, grouped by resource, with the fix", () => {
        const { code, stdout } = run("check", path.join(PROGRAMS, "insecure"), "--config", `kdcAdminPassword=${SECRET}`);
        assert.strictEqual(code, 1);
        for (const rule of [
            "emr-security-configuration-valid",
            "emr-s3-encryption",
            "emr-local-disk-encryption",
            "emr-in-transit-encryption",
            "emr-cluster-security-configuration",
        ]) {
            assert.match(stdout, new RegExp(`mandatory ${rule}:`));
        }
        assert.match(
            stdout,
            /^aws:emr\/cluster:Cluster {2}no-security {2}\(index\.ts:18\)\n {2}mandatory emr-cluster-security-configuration: /m,
        );
        assert.match(stdout, /fix: Set AtRestEncryptionConfiguration\.S3EncryptionConfiguration\.EncryptionMode to SSE-KMS/);
        assert.match(stdout, /not compliant\.$/m);
        const json = JSON.parse(run("check", path.join(PROGRAMS, "insecure"), "--json", "--config", `kdcAdminPassword=${SECRET}`).stdout);
        assert.ok(json.counts.mandatory >= 5);
    });

    it("never prints a secret, whether config or output", () => {
        const outputs = [
            run("synth", "--json", ...KERBEROS_WITH_SECRET),
            run("synth", ...KERBEROS_WITH_SECRET),
            run("check", path.join(PROGRAMS, "insecure"), "--json", "--config", `kdcAdminPassword=${SECRET}`),
            run("synth", path.join(PROGRAMS, "insecure"), "--json", "--config", `kdcAdminPassword=${SECRET}`),
        ];
        for (const { stdout, stderr } of outputs) {
            assert.ok(!stdout.includes(SECRET) && !stderr.includes(SECRET), "a secret was printed");
        }
        assert.match(outputs[1].stdout, /kerberosAttributes: \[secret\]/);
    });

    it("fails a program whose invoke it cannot answer, naming the invoke", () => {
        const { code, stderr } = run("synth", path.join(PROGRAMS, "unsupported-invoke"));
        assert.strictEqual(code, 3);
        assert.match(
            stderr,
            /The offline engine cannot answer the invoke "aws:ec2\/getVpc:getVpc": it answers only aws:index\/getCallerIdentity:getCallerIdentity/,
        );
    });

    it("refuses bad usage with exit code 2, a pointer to --help, and the usage text only when asked", () => {
        const bad = run("deploy");
        assert.strictEqual(bad.code, 2);
        assert.strictEqual(bad.stderr, `emr-security: unknown command "deploy"\nRun 'emr-security --help' for the commands and options.\n`);
        assert.match(run("--help").stdout, /^Usage: emr-security <synth\|check>/);
        assert.strictEqual(run("synth", "--policy-config", "x.json").code, 2);
        assert.match(run("synth", path.join(ROOT, "policies")).stderr, /has no Pulumi\.yaml/);
    });

    it("runs the program on the SDK it resolves itself, even its own copy", () => {
        // Inside the repository, so that the copy's own dependencies resolve; removed afterwards.
        fs.mkdirSync(path.join(ROOT, "test/.tmp"), { recursive: true });
        const dir = fs.mkdtempSync(path.join(ROOT, "test/.tmp/own-sdk-"));
        try {
            const sdk = path.join(dir, "node_modules/@pulumi/pulumi");
            fs.mkdirSync(path.dirname(sdk), { recursive: true });
            fs.cpSync(path.dirname(require.resolve("@pulumi/pulumi/package.json")), sdk, { recursive: true });
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: own-sdk\nruntime: nodejs\nmain: index.js\n");
            fs.writeFileSync(
                path.join(dir, "index.js"),
                [
                    'const pulumi = require("@pulumi/pulumi");',
                    'if (!require.resolve("@pulumi/pulumi").startsWith(__dirname)) throw new Error("the fixture must use its own SDK");',
                    'const sc = new pulumi.CustomResource("aws:emr/securityConfiguration:SecurityConfiguration", "own", {',
                    '    name: "own", configuration: JSON.stringify({ EncryptionConfiguration: { EnableAtRestEncryption: false } }), });',
                    "exports.name = sc.name;",
                ].join("\n"),
            );
            const { code, stdout, stderr } = run("check", dir);
            assert.strictEqual(code, 1, stderr);
            assert.match(
                stdout,
                /^aws:emr\/securityConfiguration:SecurityConfiguration {2}own\n {2}mandatory emr-at-rest-encryption: At-rest encryption is off/m,
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
