/**
 * The package as a Pulumi plugin, for Python, Go, .NET and Java programs (`PulumiPlugin.yaml`'s
 * `main`): the SDK's component provider for the components `index.ts` exports, whose schema the
 * SDK infers from the sources, with the secret properties marked, which inference cannot express.
 */
import * as fs from "fs";
import * as path from "path";
import type { ComponentResourceOptions, Inputs } from "@pulumi/pulumi";
import { main, Provider } from "@pulumi/pulumi/provider";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as library from "../index";
import { withSecretsMarked } from "./schemaSecrets";

/** The package's directory (the sources the schema is inferred from), from here or from `bin/plugin`. */
function packageRoot(): string {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "PulumiPlugin.yaml"))) {
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error(`no PulumiPlugin.yaml above ${__dirname}`);
        }
        dir = parent;
    }
    return dir;
}

class EmrSecurityProvider implements Provider {
    readonly version: string;
    private marked?: Promise<string>;

    constructor(private readonly inferred: ComponentProvider) {
        this.version = inferred.version;
    }

    getSchema(): Promise<string> {
        this.marked ??= this.inferred.getSchema().then(withSecretsMarked);
        return this.marked;
    }

    construct(name: string, type: string, inputs: Inputs, options: ComponentResourceOptions) {
        return this.inferred.construct(name, type, inputs, options);
    }
}

/** Serves the provider; `cmd/run-plugin` calls this with the engine's address in `process.argv`. */
export = async function serve(): Promise<void> {
    const root = packageRoot();
    const { name } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string };
    const inferred = new ComponentProvider({ name, dirname: root, components: getPulumiComponents(library) });
    await main(new EmrSecurityProvider(inferred), process.argv.slice(2));
};
