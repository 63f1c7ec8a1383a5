/** What Linux says about a process: resident memory and CPU time, from /proc. */
import { closeSync, fdatasyncSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile, round } from "./stats.js";

/** USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every mainstream Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface Memory {
  /** Resident set size now, MB. */
  rssMb: number;
  /** Peak resident set size so far, MB. */
  peakRssMb: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb("VmRSS") / 1024, 1), peakRssMb: round(kb("VmHWM") / 1024, 1) };
}

/** User plus system CPU seconds the process (all its threads) has used. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Busy CPU seconds of the whole machine (every core), from the first line of /proc/stat. */
function machineBusySeconds(): number {
  const [, ...ticks] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks.map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU used during a measurement, in cores (1.00 = one core busy throughout). */
export interface CpuShare {
  /** The server under test, all its threads. */
  server: number;
  /** This process: the load generator. */
  generator: number;
  /** Everything else on the machine: anything well above zero means the figures are disturbed. */
  other: number;
}

/** Runs `work` and measures who used the CPU meanwhile. */
export async function withCpu<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpu: CpuShare }> {
  const server0 = cpuSecondsOf(pid);
  const own0 = ownCpuSeconds();
  const machine0 = machineBusySeconds();
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const server = (cpuSecondsOf(pid) - server0) / seconds;
  const generator = (ownCpuSeconds() - own0) / seconds;
  const machine = (machineBusySeconds() - machine0) / seconds;
  return {
    result,
    cpu: {
      server: round(server),
      generator: round(generator),
      other: round(Math.max(0, machine - server - generator)),
    },
  };
}

/** The time one small write plus fdatasync takes in `dir`, the cost SQLite pays at each commit (synchronous=FULL). */
export function fsyncLatencyMs(dir: string = os.tmpdir(), samples = 30): { p50: number; max: number } {
  const file = path.join(dir, `redress-bench-fsync-${process.pid}`);
  const fd = openSync(file, "w");
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      writeSync(fd, block, 0, block.length, i * block.length);
      fdatasyncSync(fd);
      times.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), max: round(times[times.length - 1] ?? Number.NaN) };
}
