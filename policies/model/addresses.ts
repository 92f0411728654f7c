/**
 * CIDR blocks as address intervals, to tell whether a set of blocks together admits every address:
 * `0.0.0.0/1` and `128.0.0.0/1` cover IPv4 as `0.0.0.0/0` does, and a security group or route
 * table is judged by the union of what it holds, not block by block.
 */

interface Interval {
    family: 4 | 6;
    start: bigint;
    end: bigint;
}

const FULL: Record<4 | 6, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

function ipv4(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
        return undefined;
    }
    return parts.reduce((value, p) => (value << 8n) | BigInt(Number(p)), 0n);
}

function ipv6(text: string): bigint | undefined {
    const halves = text.split("::");
    if (halves.length > 2) {
        return undefined;
    }
    const groups = (part: string) => (part === "" ? [] : part.split(":"));
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - head.length - tail.length;
    if ((halves.length === 1 && missing !== 0) || missing < 0) {
        return undefined;
    }
    const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => "0"), ...tail];
    if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) {
        return undefined;
    }
    return all.reduce((value, g) => (value << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** The addresses a CIDR block admits; undefined for text that is not one. */
export function cidrInterval(cidr: unknown): Interval | undefined {
    if (typeof cidr !== "string") {
        return undefined;
    }
    const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
    if (!match) {
        return undefined;
    }
    const family: 4 | 6 = match[1].includes(":") ? 6 : 4;
    const bits = family === 4 ? 32n : 128n;
    const length = BigInt(Number(match[2]));
    const address = family === 4 ? ipv4(match[1]) : ipv6(match[1]);
    if (address === undefined || length > bits) {
        return undefined;
    }
    const size = 1n << (bits - length);
    const start = address - (address % size);
    return { family, start, end: start + size - 1n };
}

/** Whether the blocks together admit every IPv4 address, or every IPv6 address. */
export function coversEveryAddress(cidrs: readonly unknown[]): boolean {
    const intervals = cidrs.map(cidrInterval).filter((i): i is Interval => i !== undefined);
    for (const family of [4, 6] as const) {
        const sorted = intervals.filter((i) => i.family === family).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        let reached = -1n;
        for (const interval of sorted) {
            if (interval.start > reached + 1n) {
                break;
            }
            if (interval.end > reached) {
                reached = interval.end;
            }
        }
        if (reached >= FULL[family]) {
            return true;
        }
    }
    return false;
}
