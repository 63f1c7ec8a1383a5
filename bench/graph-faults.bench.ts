/**
 * Issue 5's figures under Graph faults, at full size, against the Graph emulator (HTTPS, real msal-node and Graph
 * client, real SQLite outbox and worker; a simulated clock where a day or the channel limit must pass):
 *   - 429/503 on every Graph and webhook call for a simulated day, then recovery: nothing lost, nothing twice;
 *   - a 100 MB upload through 3 cut connections, process memory growth ≤ 64 MB;
 *   - 500 queued board posts drained within 2/s per app per tenant in ≤ 10 minutes.
 * Writes .artifacts/graph-faults.json; sets a failing exit code when a goal is missed.
 */
import fs from "node:fs/promises";
import { drainScenario, stormScenario, uploadScenario } from "../test/emulator/fault-scenarios.js";
import { artifactPath } from "../test/support/artifacts.js";

const say = (message: string) => process.stdout.write(`[graph-faults] ${message}\n`);

export async function runGraphFaultsBench(): Promise<boolean> {
  say("a day of 429/503 on every call, then recovery (50 cases, 200 jobs)…");
  const storm = await stormScenario({ cases: 50 });
  say(JSON.stringify(storm));
  say("100 MB upload through 3 cut connections…");
  const upload = await uploadScenario({ megabytes: 100 });
  say(JSON.stringify(upload));
  say("500 queued board posts at the channel limit…");
  const drain = await drainScenario({ jobs: 500 });
  say(JSON.stringify(drain));
  const goals = {
    stormNothingLost: storm.jobsDone === storm.jobs && storm.jobsDead === 0 && storm.emailsSent === storm.cases,
    stormNothingTwice: storm.duplicateEmails === 0 && storm.duplicateCards === 0 && storm.noticesSent === storm.cases,
    uploadIntact: upload.intact && upload.resumes === 3,
    uploadMemoryWithin64Mb: upload.rssGrowthMb <= 64,
    drainWithinLimits: drain.throttledByGraph === 0 && drain.cardsPosted === drain.jobs,
    drainWithin10Minutes: drain.simulatedSeconds <= 600,
  };
  const file = await artifactPath("graph-faults.json");
  await fs.writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), storm, upload, drain, goals }, null, 2)}\n`,
  );
  const ok = Object.values(goals).every(Boolean);
  say(`${ok ? "all goals met" : "GOALS MISSED"}: ${JSON.stringify(goals)}`);
  if (!ok) process.exitCode = 1;
  return ok;
}
