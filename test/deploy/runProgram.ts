/** Runs the root project's program under the test mocks, as tests of the stack need it. */
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { isKnown, ProviderLikeMocks, useMocks } from "../mocks";

const PROGRAM = path.join(__dirname, "../../deploy/index.ts");

/** Runs the root project's program under mocks with the given stack config (values as the CLI stores them). */
export async function runProgram(
    config: Record<string, string>,
    preview = false,
): Promise<{ mocks: ProviderLikeMocks; outputs: Record<string, pulumi.Output<unknown>> }> {
    const mocks = await useMocks(preview);
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `emr-security:${k}`, v])),
        Object.keys(config)
            .filter((k) => k.toLowerCase().includes("password"))
            .map((k) => `emr-security:${k}`),
    );
    delete require.cache[require.resolve(PROGRAM)];
    const outputs = (await import(PROGRAM)) as Record<string, pulumi.Output<unknown>>;
    await Promise.all(Object.values(outputs).map((o) => isKnown(o)));
    return { mocks, outputs };
}
