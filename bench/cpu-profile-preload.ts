/**
 * Preloaded into a server by `BENCH_CPU_PROF=<dir> npm run bench` (through NODE_OPTIONS, which may not carry
 * --cpu-prof itself): samples the main thread with V8's profiler, as --cpu-prof would, and writes
 * <dir>/server-<pid>.cpuprofile when the process exits normally (SIGTERM → shutdown → process.exit).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  process.once("exit", () => {
    // A same-thread inspector session answers synchronously, so this completes before the process ends.
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
