/**
 * The package as a user gets it: packed, installed from the tarball into programs outside this
 * repository (everything else from the registry), type-checked with a strict consumer's tsconfig,
 * and run through the installed `emr-security` command, which starts each program through its own
 * `@pulumi/pulumi/cmd/run` as Pulumi does.
 */
import * as assert from "assert";
import { documentationPages } from "../docs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PROGRAMS } from "./programs";
import { install, npm, packPackage, rangeOf, ROOT, workspace, writeFiles } from "./workspace";

const EXAMPLES = ["secure-cluster", "secure-serverless"];

interface PackedFile {
    path: string;
}

describe("the package installed from its tarball", function () {
    this.timeout(240000);
    const work = workspace("installed");
    let command: string;

    before(function () {
        this.timeout(300000);
        const tarball = packPackage(work.dir);
        // One install serves every program below it, as a monorepo of stacks would have it.
        writeFiles(work.dir, {
            "package.json": {
                name: "stacks",
                private: true,
                dependencies: {
                    "emr-security": `file:${tarball}`,
                    "@pulumi/pulumi": rangeOf("@pulumi/pulumi"),
                    "@pulumi/aws": rangeOf("@pulumi/aws"),
                    typescript: rangeOf("typescript"),
                    "ts-node": rangeOf("ts-node"),
                    "@types/node": rangeOf("@types/node"),
                },
            },
        });
        for (const [name, files] of Object.entries(PROGRAMS)) {
            writeFiles(path.join(work.dir, name), files);
        }
        // The examples a team copies, as they stand in the repository.
        for (const example of EXAMPLES) {
            fs.cpSync(path.join(ROOT, "examples", example), path.join(work.dir, example), {
                recursive: true,
                filter: (source) => path.basename(source) !== "node_modules",
            });
        }
        install(work.dir);
        command = path.join(work.dir, "node_modules/.bin/emr-security");
    });
    after(() => work.remove());

    /** Runs the installed command as Pulumi runs a program by default: type-checked. */
    function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
        return runAs({}, args);
    }

    /**
     * The same, with the program transpiled (`PULUMI_NODEJS_TRANSPILE_ONLY`, which Pulumi honours):
     * each program is type-checked once, by `run`, and its other runs take half the time.
     */
    function transpiled(...args: string[]): { code: number | null; stdout: string; stderr: string } {
        return runAs({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, args);
    }

    function runAs(extra: NodeJS.ProcessEnv, args: string[]): { code: number | null; stdout: string; stderr: string } {
        // Pulumi's language host would pass on the user's environment; none of ours leaks into the program.
        const env = {
            ...process.env,
            TS_NODE_TRANSPILE_ONLY: undefined,
            TS_NODE_PROJECT: undefined,
            PULUMI_NODEJS_TRANSPILE_ONLY: undefined,
            ...extra,
        };
        const result = spawnSync(command, args, { cwd: work.dir, encoding: "utf8", timeout: 180000, env });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it("ships only the build, the policy profiles, the documentation pages and package.json", () => {
        const [report] = JSON.parse(npm(ROOT, "pack", "--dry-run", "--json", "--ignore-scripts")) as { files: PackedFile[] }[];
        const files = report.files.map((f) => f.path);
        const profiles = fs.readdirSync(path.join(ROOT, "policies/configs")).map((f) => `policies/configs/${f}`);
        assert.deepStrictEqual(
            profiles.filter((f) => !files.includes(f)),
            [],
            "every shipped profile is in the package",
        );
        const pages = documentationPages();
        const stray = files.filter(
            (f) => !/^bin\/.+\.(js|d\.ts)$/.test(f) && !profiles.includes(f) && !pages.includes(f) && f !== "package.json",
        );
        assert.deepStrictEqual(stray, []);
        assert.deepStrictEqual(
            pages.filter((page) => !files.includes(page)),
            [],
            "every page the README's links reach ships, so that the links work in node_modules",
        );
        assert.deepStrictEqual(
            files.filter((f) => /(^|\/)(test|bench|deploy|\.ci)\//.test(f) || /eslint|prettier|mocharc|tsconfig/.test(f)),
            [],
        );
        for (const needed of ["bin/index.js", "bin/index.d.ts", "bin/cli/emr-security.js", "bin/components/secureEmrBaseline.js"]) {
            assert.ok(files.includes(needed), needed);
        }
    });

    it("installs with runtime dependencies only: no TypeScript, no ts-node", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(work.dir, "node_modules/emr-security/package.json"), "utf8"));
        assert.strictEqual(manifest.main, "bin/index.js");
        assert.strictEqual(manifest.types, "bin/index.d.ts");
        assert.deepStrictEqual(
            Object.keys(manifest.dependencies).filter((d) => ["typescript", "ts-node"].includes(d)),
            [],
        );
    });

    it("type-checks a stack under Pulumi's template tsconfig plus exactOptionalPropertyTypes and noUncheckedIndexedAccess, without skipLibCheck", () => {
        const tsc = path.join(work.dir, "node_modules/typescript/bin/tsc");
        const dir = path.join(work.dir, "ts-commonjs");
        const result = spawnSync(process.execPath, [tsc, "-p", dir, "--noEmit", "--listFiles", "--pretty", "false"], { encoding: "utf8" });
        const errors = result.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
        assert.deepStrictEqual(errors, []);
        assert.strictEqual(result.status, 0, result.stdout);
        const loaded = result.stdout.split("\n").filter((l) => l.includes("/node_modules/"));
        assert.ok(
            loaded.some((f) => f.includes("/node_modules/emr-security/bin/index.d.ts")),
            "the program is checked against the package's declarations",
        );
        assert.deepStrictEqual(
            loaded.filter((f) => f.includes("/node_modules/@pulumi/policy/")),
            [],
            "the public declarations must not reach @pulumi/policy's",
        );
    });

    for (const name of Object.keys(PROGRAMS)) {
        it(`${name}: synth shows the baseline's document, and check finds it compliant, in update and preview mode`, () => {
            const dir = path.join(work.dir, name);
            const synth = transpiled("synth", dir, "--json");
            assert.strictEqual(synth.code, 0, synth.stderr);
            const report = JSON.parse(synth.stdout);
            assert.strictEqual(report.project, name);
            assert.ok(report.resources.some((r: { type: string }) => r.type === "emr-security:index:SecureEmrBaseline"));
            const [configuration] = report.securityConfigurations;
            assert.strictEqual(configuration.document.AuthenticationConfiguration.KerberosConfiguration.Provider, "ClusterDedicatedKdc");
            assert.match(report.outputs.s3KmsKeyArn, /^arn:aws:kms:us-east-1:123456789012:key\//);
            assert.strictEqual(report.outputs.kerberosAttributes, "[secret]");

            const check = run("check", dir);
            assert.strictEqual(check.code, 0, check.stderr + check.stdout);
            assert.match(check.stdout, new RegExp(`No mandatory finding in ${name}/dev.*: compliant\\.$`, "m"));

            const preview = transpiled("check", dir, "--preview", "--json");
            assert.strictEqual(preview.code, 0, preview.stderr);
            const findings = JSON.parse(preview.stdout).findings as { level: string; message: string }[];
            assert.ok(findings.some((f) => /during preview/.test(f.message)));
            assert.ok(findings.every((f) => f.level === "advisory"));
        });
    }

    it("names a shipped policy profile from the installed package: --policy-config financial-services", () => {
        const dir = path.join(work.dir, "secure-cluster");
        // The profile is stricter than the defaults the example meets: its 10-hour ticket limit fires.
        const strict = transpiled("check", dir, "--json", "--policy-config", "financial-services");
        assert.strictEqual(strict.code, 1, strict.stderr + strict.stdout);
        const findings = JSON.parse(strict.stdout).findings as { policy: string; message: string }[];
        assert.deepStrictEqual(
            findings.map((f) => `${f.policy}: ${f.message}`),
            ["emr-kerberos-authentication: Kerberos tickets live 24 hours; at most 10 are allowed. Lower TicketLifetimeInHours."],
        );
        const unknown = transpiled("check", dir, "--policy-config", "financial-servics");
        assert.strictEqual(unknown.code, 2);
        assert.match(
            unknown.stderr,
            /--policy-config "financial-servics" is neither a file nor a shipped profile; the profiles are advisory, financial-services/,
        );
    });

    it("a program that fails, on the newest SDK the peer range allows, is named within seconds with exit 3", () => {
        const dir = path.join(work.dir, "fails");
        writeFiles(dir, {
            "Pulumi.yaml": "name: fails\nruntime: nodejs\nmain: index.js\n",
            "index.js": 'const pulumi = require("@pulumi/pulumi");\nexports.subnet = new pulumi.Config().require("subnetId");\n',
        });
        const began = Date.now();
        const result = transpiled("synth", dir, "--timeout", "60");
        const seconds = (Date.now() - began) / 1000;
        assert.strictEqual(result.code, 3, result.stderr);
        assert.match(result.stderr, /Missing required configuration variable 'fails:subnetId'/);
        assert.ok(seconds < 30, `named after ${seconds} s, well inside --timeout 60`);
    });

    /** An example's findings at update (type-checked) and at preview (transpiled): none mandatory, and what else there is. */
    function checkExample(example: string): void {
        const dir = path.join(work.dir, example);
        for (const mode of [[], ["--preview"]]) {
            const check = mode.length === 0 ? run("check", dir, "--json") : transpiled("check", dir, "--json", ...mode);
            assert.strictEqual(check.code, 0, check.stderr + check.stdout);
            const report = JSON.parse(check.stdout) as {
                counts: { mandatory: number };
                findings: { policy: string; level: string; message: string }[];
            };
            assert.strictEqual(report.counts.mandatory, 0);
            if (mode.length === 0) {
                // At update every value is known: no finding of any rule, advice included (network,
                // logs, endpoints, keys, application settings).
                assert.deepStrictEqual(
                    report.findings.map((f) => `${f.policy}: ${f.message}`),
                    [],
                );
            } else {
                // At preview, only checks waiting for values the stack creates.
                assert.deepStrictEqual(
                    report.findings.filter((f) => !f.message.includes("can't be known during preview")),
                    [],
                );
            }
        }
    }

    it("examples/secure-cluster, on the installed package, is compliant through check in update and preview mode", () => {
        checkExample("secure-cluster");
        const synth = transpiled("synth", path.join(work.dir, "secure-cluster"), "--json");
        const resources = JSON.parse(synth.stdout).resources as { type: string }[];
        assert.ok(resources.some((r) => r.type === "aws:emr/cluster:Cluster"));
    });

    it("examples/secure-serverless, an EMR Serverless application and a Studio, is compliant through check in update and preview mode", () => {
        checkExample("secure-serverless");
        // Under the strict profile too, where every rule is mandatory: nothing to report.
        const policies = transpiled("check", path.join(work.dir, "secure-serverless"), "--json", "--policy-config", "financial-services");
        const report = JSON.parse(policies.stdout) as { findings: { policy: string; message: string }[] };
        assert.deepStrictEqual(
            report.findings.map((f) => `${f.policy}: ${f.message}`),
            [],
        );
        assert.strictEqual(policies.code, 0, policies.stderr);
        const synth = transpiled("synth", path.join(work.dir, "secure-serverless"), "--json");
        const resources = JSON.parse(synth.stdout).resources as { type: string }[];
        assert.ok(resources.some((r) => r.type === "aws:emrserverless/application:Application"));
        assert.ok(resources.some((r) => r.type === "aws:emr/studio:Studio"));
    });
});
