/**
 * Summarises V8 .cpuprofile files (from `BENCH_CPU_PROF=<dir> npm run bench`, or node --cpu-prof): where the
 * server's main thread spent its time, by package and by function, self and inclusive.
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--focus <text>]
 *
 * Time inside a synchronous native call (a better-sqlite3 statement waiting for fsync, say) is counted against the
 * JavaScript function that made it, so blocking I/O on the main thread shows up here. `(idle)` is the event loop
 * waiting: for the network, the thread pool or a timer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { table } from "./table.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "better-sqlite3", "src/server/app/list-cases", "node:internal/…", or "(idle)" and friends. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const dist = /dist\/(server\/.*)\.js$/.exec(url);
  if (dist?.[1]) return `src/${dist[1]}`;
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  return path.basename(url);
}

function summariseProfile(file: string, top: number, focus: string | null): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });

  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    const where = f.url ? `${packageOf(f.url, f.functionName)}:${f.lineNumber + 1}` : "";
    return `${f.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
  };
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node) continue;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    // Every function on the stack gets the sample once, however often it recurs.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const name = label(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const rows = (m: Map<string, number>, filter: (k: string) => boolean = () => true) =>
    [...m.entries()]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => [k, ms.toFixed(0), `${((100 * ms) / totalMs).toFixed(1)}%`]);
  const interesting = (k: string) =>
    (focus ? k.toLowerCase().includes(focus.toLowerCase()) : k.includes(" src/")) && !k.startsWith("(");
  return [
    `${path.basename(file)}: ${(totalMs / 1000).toFixed(1)} s sampled`,
    table("Self time by package", ["Package", "ms", "share"], rows(packages)),
    table("Self time by function", ["Function", "ms", "share"], rows(self)),
    table(
      focus ? `Inclusive time, functions matching "${focus}"` : "Inclusive time, product functions",
      ["Function", "ms", "share"],
      rows(inclusive, interesting),
    ),
  ].join("\n\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args.splice(i, 2)[1] ?? null) : null;
  };
  const top = Number(option("--top") ?? 25);
  const focus = option("--focus");
  if (args.length === 0) {
    console.error("usage: node --import tsx bench/profile-summary.ts <file.cpuprofile>… [--top N] [--focus text]");
    process.exit(2);
  }
  for (const file of args) console.log(`${summariseProfile(file, top, focus)}\n`);
}
