#!/usr/bin/env node
// The command's entry. The CLI and the programs it runs are TypeScript, loaded through ts-node
// without type checking: synth and check are not type checkers, and start faster this way. This
// package's own sources are compiled even when it sits in node_modules.
require("ts-node").register({
    transpileOnly: true,
    compilerOptions: { module: "commonjs", esModuleInterop: true, target: "ES2022" },
    ignore: ["(?:^|/)node_modules/(?!emr-security/)"],
});
require("./main")
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    });
