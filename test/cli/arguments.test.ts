import * as assert from "assert";
import { FLAGS, parseArguments, USAGE, UsageError } from "../../cli/arguments";

const refused = (argv: string[]): string => {
    try {
        parseArguments(argv);
    } catch (e) {
        assert.ok(e instanceof UsageError, String(e));
        return e.message;
    }
    assert.fail(`accepted ${argv.join(" ")}`);
};

describe("the command line (cli/arguments.ts), in process", () => {
    it("--help names exactly the flags the parser accepts, aliases included", () => {
        const options = USAGE.slice(USAGE.indexOf("Options:"), USAGE.indexOf("Exit codes:"));
        const named = [...options.matchAll(/^ {2}(-[a-z-]+)(?:, (--[a-z-]+))?/gm)].flatMap((m) => m.slice(1).filter(Boolean));
        assert.deepStrictEqual([...named].sort(), [...FLAGS].sort());
    });

    it("sets each option from its flag or alias, a value flag from the word after it", () => {
        const options = parseArguments([
            "check",
            "prog",
            "--stack",
            "prod",
            "-c",
            "a=1",
            "--config",
            "b=2",
            "--stack-reference",
            "acme/net/prod=net.json",
            "--config-file",
            "f.yaml",
            "--region",
            "eu-west-1",
            "--account-id",
            "111122223333",
            "--partition",
            "aws-cn",
            "--policy-config",
            "advisory",
            "--preview",
            "--timeout",
            "30",
            "--format",
            "sarif",
            "-o",
            "out.sarif",
            "--fail-on",
            "advisory",
        ]);
        assert.deepStrictEqual(
            { ...options },
            {
                command: "check",
                dir: "prog",
                stack: "prod",
                pairs: ["a=1", "b=2"],
                stackReferences: ["acme/net/prod=net.json"],
                configFile: "f.yaml",
                region: "eu-west-1",
                accountId: "111122223333",
                partition: "aws-cn",
                policyConfig: "advisory",
                preview: true,
                timeoutSeconds: 30,
                format: "sarif",
                output: "out.sarif",
                failOn: "advisory",
            },
        );
        assert.strictEqual(parseArguments(["synth", "--json"]).format, "json");
        assert.strictEqual(parseArguments(["check", "--stack-export", "s.json"]).stackExport, "s.json");
        assert.strictEqual(parseArguments(["check", "--preview-json", "p.json"]).previewJson, "p.json");
    });

    it("refuses a missing value, a bad value and an unknown flag, naming it, with a suggestion for a slip", () => {
        assert.strictEqual(refused(["check", "--stack"]), "--stack needs a value");
        assert.strictEqual(refused(["check", "--timeout", "0"]), '--timeout takes a number of seconds above 0; got "0"');
        assert.match(refused(["check", "--stack-reference", "nofile"]), /--stack-reference takes NAME=FILE/);
        assert.strictEqual(
            refused(["check", "--format", "jsno"]),
            '--format takes text, json, sarif, junit; got "jsno"; did you mean json?',
        );
        assert.strictEqual(refused(["check", "--outptu", "x"]), 'unknown option "--outptu"; did you mean --output?');
        assert.strictEqual(refused(["check", "--hepl"]), 'unknown option "--hepl"; did you mean --help?');
    });
});
