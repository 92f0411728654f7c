#!/usr/bin/env node
// The command's entry, shipped compiled: it runs on plain Node.js, and starts the programs it
// checks the way Pulumi does, so nothing here needs TypeScript at run time.
import { main } from "./main";

main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    if (code >= 128) {
        // Stopped by a signal: what was running is stopped; nothing else is worth waiting for.
        process.exit(code);
    }
});
