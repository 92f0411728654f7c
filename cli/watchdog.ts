/**
 * Outlives the command to stop what it started: `node watchdog.js <group> <run id>`. The command
 * holds this process's stdin open; when it ends, whether the command finished, was stopped by a
 * signal or killed outright (SIGKILL leaves it no chance to clean up), the program's process group
 * and every process marked with the run's id are killed. A separate
 * process does this, rather than the program watching for itself, because a program stuck in a
 * loop never gets to run a handler.
 */
import { markedProcesses, signal } from "./processes";

const [group, id] = process.argv.slice(2);

function stopAll(): void {
    signal({ group: Number(group) }, "SIGKILL");
    for (const marked of markedProcesses(id)) {
        signal({ pid: marked.pid }, "SIGKILL");
    }
    process.exit(0);
}

// Signals meant for the command's terminal (Ctrl-C) are the command's to handle.
process.on("SIGINT", () => undefined);
process.on("SIGHUP", () => undefined);
process.stdin.on("end", stopAll);
process.stdin.on("error", stopAll);
process.stdin.on("close", stopAll);
process.stdin.resume();
