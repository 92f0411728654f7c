/**
 * The offline engine in a process of its own, for the Construct test: a mocha worker runs other
 * test files before this one, and their mocks and late outputs share the worker's SDK. Started
 * with `fork`; sends the addresses it serves on, then answers "registered" with what registered.
 */
import { EngineServer } from "../../cli/engineServer";
import { OfflineEngine } from "../../cli/offlineEngine";

const settings = JSON.parse(process.argv[2]) as ConstructorParameters<typeof OfflineEngine>[0];
const engine = new OfflineEngine(settings);
const server = new EngineServer(engine);
server.start().then(
    (addresses) => {
        server.install();
        process.send!({ addresses });
    },
    (error: Error) => process.send!({ error: error.message }),
);
process.on("message", (message) => {
    if (message === "registered") {
        process.send!({ registered: engine.registered });
    }
});
process.on("disconnect", () => {
    server.stop();
    process.exit(0);
});
