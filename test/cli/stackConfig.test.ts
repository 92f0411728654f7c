import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, stackConfig, UNDECRYPTABLE } from "../../cli/stackConfig";

describe("stack config, as the Pulumi CLI assembles it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-security-config-"));
    fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        [
            "name: demo",
            "runtime: nodejs",
            "config:",
            "  releaseLabel:",
            "    type: string",
            "    default: emr-7.5.0",
            "  password:",
            "    type: string",
            "    secret: true",
            "  aws:region: eu-west-1",
        ].join("\n"),
    );
    fs.writeFileSync(
        path.join(dir, "Pulumi.prod.yaml"),
        [
            "config:",
            "  demo:releaseLabel: emr-6.15.0",
            "  demo:roles:",
            "    - a",
            "    - b",
            "  demo:token:",
            "    secure: AAABAJ0",
            "  region: ignored-too",
        ].join("\n"),
    );
    const project = loadProject(dir);

    it("takes project defaults, then the stack file, then --config pairs", () => {
        const config = stackConfig({ dir, project, stack: "prod", pairs: ["releaseLabel=emr-7.1.0", "aws:region=us-west-2"] });
        assert.deepStrictEqual(config.values, {
            "demo:releaseLabel": "emr-7.1.0",
            "aws:region": "us-west-2",
            "demo:roles": '["a","b"]',
            "demo:token": UNDECRYPTABLE,
            "demo:region": "ignored-too",
        });
        assert.deepStrictEqual(config.secretKeys.sort(), ["demo:password", "demo:token"]);
    });

    it("reads no stack file for a stack that has none", () => {
        assert.deepStrictEqual(stackConfig({ dir, project, stack: "dev", pairs: [] }).values, {
            "demo:releaseLabel": "emr-7.5.0",
            "aws:region": "eu-west-1",
        });
    });

    it("refuses a pair without a value, and a folder without a project", () => {
        assert.throws(
            () => stackConfig({ dir, project, stack: "dev", pairs: ["releaseLabel"] }),
            /--config takes key=value or namespace:key=value; got "releaseLabel"/,
        );
        assert.throws(() => loadProject(os.tmpdir()), /has no Pulumi\.yaml/);
    });
});
