/**
 * The processes a program leaves behind, found the way Linux shows them in /proc: the members of
 * its process group, and every process that carries the run's mark in its environment (a daemon
 * it detached into a session of its own, say). Elsewhere /proc is absent and only the process
 * group can be stopped.
 */
import * as fs from "fs";

export interface ProcessInfo {
    pid: number;
    /** The command line, cut short for a message. */
    command: string;
}

const COMMAND_SHOWN = 120;

function commandOf(pid: number): string {
    try {
        const raw = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
        return raw.length > COMMAND_SHOWN ? `${raw.slice(0, COMMAND_SHOWN)}…` : raw;
    } catch {
        return "";
    }
}

function pids(): number[] {
    try {
        return fs
            .readdirSync("/proc")
            .filter((name) => /^\d+$/.test(name))
            .map(Number)
            .filter((pid) => pid !== process.pid);
    } catch {
        return [];
    }
}

/** The process group of a live process, from /proc/<pid>/stat (after the name, which may hold spaces); none for a zombie. */
function groupOf(pid: number): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // state, ppid, pgrp: the group is the third field after the name.
        const state = fields[0];
        return state === "Z" ? undefined : Number(fields[2]);
    } catch {
        return undefined;
    }
}

/** The live members of a process group (zombies are already gone for our purposes). */
export function groupMembers(pgid: number): ProcessInfo[] {
    return pids()
        .filter((pid) => groupOf(pid) === pgid)
        .map((pid) => ({ pid, command: commandOf(pid) }));
}

/** The variable that marks every process of one run: children inherit it, in whatever group or session they start. */
export const RUN_MARKER = "EMR_SECURITY_RUN";

/**
 * Live processes whose environment carries `RUN_MARKER=<id>`: the program and every descendant
 * that kept the environment it was given, including those that detached into a group or session
 * of their own.
 */
export function markedProcesses(id: string): ProcessInfo[] {
    const needle = `${RUN_MARKER}=${id}`;
    const found: ProcessInfo[] = [];
    for (const pid of pids()) {
        let environ: string;
        try {
            environ = fs.readFileSync(`/proc/${pid}/environ`, "latin1");
        } catch {
            continue;
        }
        if (environ.split("\0").includes(needle) && groupOf(pid) !== undefined) {
            found.push({ pid, command: commandOf(pid) });
        }
    }
    return found;
}

/** Sends a signal to a process group, or to one process; a group or process already gone is not an error. */
export function signal(target: { group?: number; pid?: number }, name: NodeJS.Signals): void {
    try {
        if (target.group !== undefined) {
            process.kill(-target.group, name);
        } else if (target.pid !== undefined) {
            process.kill(target.pid, name);
        }
    } catch {
        // ESRCH: nothing left to stop. EPERM: not ours to stop.
    }
}

export function describe(processes: ProcessInfo[]): string {
    const shown = processes.slice(0, 5).map((p) => `pid ${p.pid}${p.command ? ` (${p.command})` : ""}`);
    return processes.length > 5 ? `${shown.join(", ")} and ${processes.length - 5} more` : shown.join(", ");
}
