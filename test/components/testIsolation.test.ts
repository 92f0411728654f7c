/**
 * The suite's own harness: a test that ends with a component still registering must not fail the
 * next test, or the worker that runs them both (a crash seen on Node.js 22 in CI).
 */
import * as assert from "assert";
import { SecureEmrBaseline } from "../../components/secureEmrBaseline";
import { BASELINE_ARGS, useMocks } from "../mocks";

describe("test isolation under mocks", () => {
    it("answers what a finished test's components register once the next test has installed its mocks", async () => {
        const rejections: unknown[] = [];
        const onRejection = (reason: unknown) => rejections.push(reason);
        process.on("unhandledRejection", onRejection);
        try {
            await useMocks(false);
            new SecureEmrBaseline("left-running", BASELINE_ARGS);
            await useMocks(false);
            await new Promise((resolve) => setTimeout(resolve, 1000));
            assert.deepStrictEqual(rejections.map(String), []);
        } finally {
            process.off("unhandledRejection", onRejection);
        }
    });
});
