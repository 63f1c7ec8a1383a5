/**
 * `npm run bench`: performance figures for Redress, all measured in one run on this machine, over loopback only,
 * against the built server (dist/server/main.js) started as a real process with a fresh data folder per scenario.
 *
 *   1. Intake of a 1 MB email (two 512 KiB attachments, each request a new message): latency at a fixed 100
 *      requests/s (open loop), then the maximum sustainable rate (closed loop, 8 connections).
 *   2. Create-case throughput (POST /api/cases) against a bare Fastify JSON route, same load: the ratio.
 *   3. Listing one stage of 10,000 seeded cases, 50 a page, following cursors from random first pages.
 *   4. The floors of 1 and 2 in this process, before any HTTP (floors.ts): mailparser's full parse of one message,
 *      and one case through the use case and SQLite store, as a share of this machine.
 *
 * Prints tables and PASS/FAIL per goal, and writes every figure to .artifacts/bench.json. Exits 0 when the run
 * itself was clean (goals may still FAIL), 1 when it broke. Stops itself after BUDGET_MS whatever happens, killing
 * the servers it started.
 *
 * BENCH_CPU_PROF=<dir> profiles the product servers' main threads into <dir>/server-<pid>.cpuprofile (see
 * cpu-profile-preload.ts; summarise with profile-summary.ts), for finding where the time goes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type autocannon from "autocannon";
import { artifactPath } from "../test/support/artifacts.js";
import { startTestServer, type TestServer } from "../test/support/start-server.js";
import { EmailCorpus } from "./email-corpus.js";
import { type Floors, measureFloors } from "./floors.js";
import { runGraphFaultsBench } from "./graph-faults.bench.js";
import {
  type ClosedLoopResult,
  closedLoop,
  type OpenLoopResult,
  openLoop,
  send,
  sendJson,
  sequential,
  type Unexpected,
} from "./load.js";
import { type CpuShare, fsyncLatencyMs, type Memory, memoryOf, withCpu } from "./proc.js";
import { SEEDED_STAGES, seedCases } from "./seed.js";
import { type LatencySummary, round, seededRandom, summarise } from "./stats.js";
import { runTabBenchAtExit } from "./tab.bench.js";
import { fmt, table } from "./table.js";
import { benchTaskpane } from "./taskpane.bench.js";

const PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
/** Profiling slows everything down and the profile is written only on a clean exit: allow more time then. */
// BENCH_BUDGET_MS raises it on a machine so busy that the run cannot finish in time (its figures say so).
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS) || (PROFILE_DIR ? 400_000 : 170_000);
const STOP_TIMEOUT_MS = PROFILE_DIR ? 30_000 : 5_000;
/** Requests sent one at a time before each loaded run, for the service time without queueing. */
const SEQUENTIAL_COUNT = { intake: 10, create: 50 } as const;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const INTAKE_RATE = 100;
/** How long an open-loop run waits for answers after its last request was due. */
const GRACE_SECONDS = 8;
const INTAKE_CONNECTIONS = 8;
const CREATE_CONNECTIONS = 16;
const SEED_COUNT = 10_000;
const LIST_RATE = 50;
const LIST_STAGE = "triaged";
const PAGE_SIZE = 50;
const GOALS = { intakeP95Ms: 50, createToBareRatio: 0.5, listP95Ms: 50 } as const;
/** CPU used by other processes (cores) above which a measurement counts as disturbed. */
const DISTURBED_CORES = 0.25;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const CREATE_BODY = JSON.stringify({
  channel: "post",
  subject: "Complaint about my assessment",
  complainant: { name: "Jane Learner", relationship: "learner" },
});

// ---- children: every process this run starts, so none outlives it ----

const children = new Set<ChildProcess>();
const ownedDirs = new Set<string>();

function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
}
process.on("exit", killChildren);
process.once("SIGINT", () => {
  killChildren();
  process.exit(130);
});
const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${BUDGET_MS / 1000} s; stopping.`);
  process.exit(1);
}, BUDGET_MS);
watchdog.unref();

const startedAt = performance.now();
const log = (message: string) =>
  process.stderr.write(`[bench +${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`);

async function startServer(label: string, options: { dataDir?: string } = {}): Promise<TestServer> {
  // NODE_OPTIONS may not carry --cpu-prof, and start-server passes no node flags: a preload starts the profiler.
  const env: Record<string, string> = PROFILE_DIR
    ? {
        NODE_OPTIONS: `--import tsx --import ${path.join(BENCH_DIR, "cpu-profile-preload.ts")}`,
        BENCH_CPU_PROF_DIR: PROFILE_DIR,
      }
    : {};
  const server = await startTestServer({ env, ...options });
  children.add(server.process);
  ownedDirs.add(server.dataDir);
  if (PROFILE_DIR) log(`${label}: server pid ${server.process.pid}, profile into ${PROFILE_DIR}`);
  return server;
}

/** SIGTERM, and SIGKILL if it has not stopped soon (e.g. still busy with abandoned uploads). */
async function stopServer(server: TestServer): Promise<void> {
  const stopped = server.stop();
  const timer = new AbortController();
  const late = await Promise.race([
    stopped.then(() => false),
    sleep(STOP_TIMEOUT_MS, true, { signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  if (late) {
    log(`server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
    await server.kill();
    await stopped;
  }
  children.delete(server.process);
  ownedDirs.delete(server.dataDir);
}

function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error("child process has no pid");
  return child.pid;
}

const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 64 });

async function tokenFor(agent: http.Agent, baseUrl: string, persona: string): Promise<string> {
  const { accessToken } = await sendJson<{ accessToken: string }>(agent, `${baseUrl}/api/dev/token`, {
    method: "POST",
    json: { persona },
  });
  return accessToken;
}

/** Jobs waiting in the outbox (filing documents after intake), or null when the server does not answer soon. */
async function outboxBacklog(baseUrl: string): Promise<number | null> {
  const agent = newAgent();
  try {
    const health = await sendJson<{ outboxBacklog: number }>(agent, `${baseUrl}/healthz`, {
      method: "GET",
      timeoutMs: 3_000,
    });
    return health.outboxBacklog;
  } catch {
    return null;
  } finally {
    agent.destroy();
  }
}

const hasUnexpected = (u: Unexpected) => Object.keys(u).length > 0;
const describeUnexpected = (u: Unexpected) =>
  hasUnexpected(u)
    ? Object.entries(u)
        .map(([k, v]) => `${v}×${k}`)
        .join(" ")
    : "none";

// ---- 1. intake ----

interface IntakeFigures {
  messageBytes: number;
  attachmentBytes: number;
  /** One at a time, on the fixed-rate run's server before its load. */
  unloaded: LatencySummary;
  fixedRate: OpenLoopResult & { cpu: CpuShare; outboxBacklogAfter: number | null; memory: MemoryChange };
  maxRate: ClosedLoopResult & { cpu: CpuShare; outboxBacklogAfter: number | null; memory: MemoryChange };
}

interface MemoryChange {
  before: Memory;
  after: Memory;
}

/**
 * A fresh server for one intake measurement (so one does not pay for the other's queue or outbox), warmed up with
 * a few seconds of 2-connection closed loop. `run` gets the URL and headers to send with.
 */
async function intakeSession<T>(
  label: string,
  corpus: EmailCorpus,
  run: (options: { server: TestServer; pid: number; headers: Record<string, string> }) => Promise<T>,
): Promise<T & { outboxBacklogAfter: number | null; memory: MemoryChange }> {
  const server = await startServer(label);
  const agent = newAgent();
  try {
    const pid = pidOf(server.process);
    const token = await tokenFor(agent, server.baseUrl, "staff");
    const headers = { authorization: `Bearer ${token}`, "content-type": "message/rfc822" };
    const before = memoryOf(pid);
    await closedLoop({
      url: server.baseUrl,
      connections: 2,
      seconds: WARM_UP_SECONDS,
      expectStatus: 201,
      requests: [intakeRequest(corpus, headers)],
    });
    const result = await run({ server, pid, headers });
    const memory = { before, after: memoryOf(pid) };
    return { ...result, outboxBacklogAfter: await outboxBacklog(server.baseUrl), memory };
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

const intakeRequest = (corpus: EmailCorpus, headers: Record<string, string>): autocannon.Request => ({
  method: "POST",
  path: "/api/intake/email",
  headers,
  setupRequest: (request) => ({ ...request, body: corpus.next() }),
});

async function benchIntake(): Promise<IntakeFigures> {
  const corpus = new EmailCorpus({ attachments: 2, attachmentBytes: 512 * 1024 });
  log(`intake: message ${(corpus.bytes / 1e6).toFixed(2)} MB; open loop, ${INTAKE_RATE} requests/s for ${SECONDS} s`);
  let unloaded: LatencySummary | null = null;
  const fixedRate = await intakeSession("intake, fixed rate", corpus, async ({ server, pid, headers }) => {
    const agent = newAgent();
    const url = `${server.baseUrl}/api/intake/email`;
    const fire = () => send(agent, url, { method: "POST", headers, body: corpus.next() }).then((r) => r.status);
    try {
      unloaded = await sequential(SEQUENTIAL_COUNT.intake, fire, 201);
      const { result, cpu } = await withCpu(pid, () =>
        openLoop({
          rate: INTAKE_RATE,
          seconds: SECONDS,
          graceSeconds: GRACE_SECONDS,
          expectStatus: 201,
          fire,
          abandon: () => agent.destroy(),
        }),
      );
      return { ...result, cpu };
    } finally {
      agent.destroy();
    }
  });
  if (!unloaded) throw new Error("intake: no unloaded measurement");
  if (fixedRate.unanswered > 0)
    log(`intake: ${fixedRate.unanswered} requests unanswered ${GRACE_SECONDS} s after the last was due`);

  log(`intake: closed loop, ${INTAKE_CONNECTIONS} connections for ${SECONDS} s (fresh server)`);
  const maxRate = await intakeSession("intake, maximum rate", corpus, async ({ server, pid, headers }) => {
    const { result, cpu } = await withCpu(pid, () =>
      closedLoop({
        url: server.baseUrl,
        connections: INTAKE_CONNECTIONS,
        seconds: SECONDS,
        expectStatus: 201,
        requests: [intakeRequest(corpus, headers)],
      }),
    );
    return { ...result, cpu };
  });
  return { messageBytes: corpus.bytes, attachmentBytes: corpus.attachmentBytes, unloaded, fixedRate, maxRate };
}

// ---- 2. create case against bare Fastify ----

interface ThroughputFigures extends ClosedLoopResult {
  /** One at a time, before the warm-up. */
  unloaded: LatencySummary;
  cpu: CpuShare;
  memory: MemoryChange;
}

interface CreateFigures {
  create: ThroughputFigures;
  bare: ThroughputFigures;
  ratio: number;
}

async function startBareServer(): Promise<{ baseUrl: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(BENCH_DIR, "bare-server.ts")], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      if (output.includes("\n") && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`bare server exited (${code}) before listening: ${output}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      children.delete(child);
    },
  };
}

async function measureThroughput(options: {
  baseUrl: string;
  pid: number;
  headers: Record<string, string>;
  expectStatus: number;
}): Promise<ThroughputFigures> {
  const load = (seconds: number) =>
    closedLoop({
      url: `${options.baseUrl}/api/cases`,
      method: "POST",
      headers: options.headers,
      body: CREATE_BODY,
      connections: CREATE_CONNECTIONS,
      seconds,
      expectStatus: options.expectStatus,
    });
  const before = memoryOf(options.pid);
  const agent = newAgent();
  const unloaded = await sequential(
    SEQUENTIAL_COUNT.create,
    () =>
      send(agent, `${options.baseUrl}/api/cases`, { method: "POST", headers: options.headers, body: CREATE_BODY }).then(
        (r) => r.status,
      ),
    options.expectStatus,
  ).finally(() => agent.destroy());
  await load(WARM_UP_SECONDS);
  const { result, cpu } = await withCpu(options.pid, () => load(SECONDS));
  return { ...result, unloaded, cpu, memory: { before, after: memoryOf(options.pid) } };
}

async function benchCreate(): Promise<CreateFigures> {
  const server = await startServer("create");
  const agent = newAgent();
  let create: ThroughputFigures;
  let headers: Record<string, string>;
  try {
    headers = {
      authorization: `Bearer ${await tokenFor(agent, server.baseUrl, "staff")}`,
      "content-type": "application/json",
    };
    log(`create: POST /api/cases, closed loop, ${CREATE_CONNECTIONS} connections for ${SECONDS} s (after warm-up)`);
    create = await measureThroughput({
      baseUrl: server.baseUrl,
      pid: pidOf(server.process),
      headers,
      expectStatus: 201,
    });
  } finally {
    agent.destroy();
    await stopServer(server);
  }

  const bareServer = await startBareServer();
  let bare: ThroughputFigures;
  try {
    log(`create: bare Fastify JSON route, same load`);
    bare = await measureThroughput({
      baseUrl: bareServer.baseUrl,
      pid: pidOf(bareServer.child),
      headers,
      expectStatus: 200,
    });
  } finally {
    await bareServer.stop();
  }
  return { create, bare, ratio: round(create.requestsPerSecond / bare.requestsPerSecond, 3) };
}

// ---- 3. listing ----

interface ListFigures {
  seeded: number;
  seedMs: number;
  stage: string;
  casesInStage: number;
  pagesInStage: number;
  /** The walk through every page of the stage, one page at a time, before the load. */
  unloaded: LatencySummary;
  load: OpenLoopResult & { cpu: CpuShare };
  badPages: number;
  firstPages: number;
  followedPages: number;
  memory: MemoryChange;
}

interface CaseList {
  cases: Array<{ stage: string }>;
  nextCursor: string | null;
}

async function benchList(): Promise<ListFigures> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-bench-list-"));
  ownedDirs.add(dataDir);
  log(`list: seeding ${SEED_COUNT} cases across ${SEEDED_STAGES.join(", ")}`);
  const seed = await seedCases({ dataDir, count: SEED_COUNT });
  log(`list: seeded in ${seed.ms} ms`);
  const server = await startServer("list", { dataDir });
  const agent = newAgent();
  try {
    const pid = pidOf(server.process);
    const headers = { authorization: `Bearer ${await tokenFor(agent, server.baseUrl, "ops-director")}` };
    const pageUrl = (cursor: string | null) =>
      `${server.baseUrl}/api/cases?stage=${LIST_STAGE}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const before = memoryOf(pid);

    // Walk the whole stage once (also the warm-up): every page's cursor, so the run can start on any page.
    const pageStarts: Array<string | null> = [null];
    let casesInStage = 0;
    const walk: number[] = [];
    for (let cursor: string | null = null; ; ) {
      const t0 = performance.now();
      const page: CaseList = await sendJson<CaseList>(agent, pageUrl(cursor), { method: "GET", headers });
      walk.push(performance.now() - t0);
      casesInStage += page.cases.length;
      if (page.cases.some((c) => c.stage !== LIST_STAGE)) throw new Error("The stage filter returned other stages");
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      pageStarts.push(cursor);
    }

    // A reader starts on a random page and follows "next" a few times (70% chance each time) before leaving.
    const random = seededRandom(20261125);
    const continuations: string[] = [];
    let badPages = 0;
    let firstPages = 0;
    let followedPages = 0;
    const fire = async (loadAgent: http.Agent): Promise<number> => {
      let cursor = continuations.shift();
      if (cursor === undefined) {
        cursor = pageStarts[Math.floor(random() * pageStarts.length)] ?? undefined;
        firstPages += 1;
      } else {
        followedPages += 1;
      }
      const res = await send(loadAgent, pageUrl(cursor ?? null), { method: "GET", headers });
      if (res.status !== 200) return res.status;
      const page = JSON.parse(res.body.toString()) as CaseList;
      if (page.cases.length === 0 || page.cases.some((c) => c.stage !== LIST_STAGE)) badPages += 1;
      if (page.nextCursor && random() < 0.7) continuations.push(page.nextCursor);
      return res.status;
    };
    log(`list: GET /api/cases?stage=${LIST_STAGE}, open loop ${LIST_RATE} requests/s for ${SECONDS} s`);
    const loadAgent = newAgent();
    const { result, cpu } = await withCpu(pid, () =>
      openLoop({
        rate: LIST_RATE,
        seconds: SECONDS,
        graceSeconds: GRACE_SECONDS,
        expectStatus: 200,
        fire: () => fire(loadAgent),
        abandon: () => loadAgent.destroy(),
      }),
    );
    loadAgent.destroy();
    return {
      seeded: SEED_COUNT,
      seedMs: seed.ms,
      stage: LIST_STAGE,
      casesInStage,
      pagesInStage: pageStarts.length,
      unloaded: summarise(walk),
      load: { ...result, cpu },
      badPages,
      firstPages,
      followedPages,
      memory: { before, after: memoryOf(pid) },
    };
  } finally {
    agent.destroy();
    await stopServer(server);
    await fs.rm(dataDir, { recursive: true, force: true });
    ownedDirs.delete(dataDir);
  }
}

// ---- report ----

interface Goal {
  goal: string;
  target: string;
  measured: string;
  /** The measured figure as a number; a lower bound when `lowerBound` (requests were left unanswered). */
  value: number;
  lowerBound: boolean;
  pass: boolean;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    loadAverageAtStart: round(os.loadavg()[0] ?? Number.NaN),
    fsyncMs: fsyncLatencyMs(),
  };
}

type Machine = ReturnType<typeof machine>;

interface Row {
  latency: { p50: number; p95: number; p99: number; max: number };
  unexpected: Unexpected;
  cpu: CpuShare;
  unanswered?: number;
}

function report(m: Machine, intake: IntakeFigures, create: CreateFigures, list: ListFigures, floors: Floors) {
  const fixed = intake.fixedRate;
  const problems = (r: Row) =>
    [
      hasUnexpected(r.unexpected) ? describeUnexpected(r.unexpected) : "",
      r.unanswered ? `${r.unanswered} unanswered` : "",
    ]
      .filter(Boolean)
      .join(", ") || "none";
  // With unanswered requests the percentiles are lower bounds: those requests took at least the time waited.
  const ms = (x: number, r: Row) => `${r.unanswered ? ">=" : ""}${fmt(x)}`;
  const row = (name: string, load: string, rps: number, r: Row) => [
    name,
    load,
    fmt(rps, 1),
    ms(r.latency.p50, r),
    ms(r.latency.p95, r),
    ms(r.latency.p99, r),
    ms(r.latency.max, r),
    fmt(r.cpu.server, 2),
    fmt(r.cpu.generator, 2),
    fmt(r.cpu.other, 2),
    problems(r),
  ];
  const closed = (connections: number) => `closed, ${connections} conn, ${SECONDS} s`;
  const figures = table(
    "Figures (latency in ms; CPU in cores: the server, the load generator, everything else on the machine)",
    ["Scenario", "Load", "req/s", "p50", "p95", "p99", "max", "CPU srv", "CPU gen", "CPU other", "failures"],
    [
      row(
        `Intake ${(intake.messageBytes / 1e6).toFixed(2)} MB email (2 x 512 KiB attachments)`,
        `open, ${fixed.offeredRate}/s, ${SECONDS} s`,
        fixed.ok / fixed.wallSeconds,
        fixed,
      ),
      row("Intake, maximum sustainable", closed(INTAKE_CONNECTIONS), intake.maxRate.requestsPerSecond, intake.maxRate),
      row("Create case (POST /api/cases)", closed(CREATE_CONNECTIONS), create.create.requestsPerSecond, create.create),
      row("Bare Fastify JSON POST", closed(CREATE_CONNECTIONS), create.bare.requestsPerSecond, create.bare),
      row(
        `List "${list.stage}", ${PAGE_SIZE}/page, ${list.seeded} cases`,
        `open, ${list.load.offeredRate}/s, ${SECONDS} s`,
        list.load.ok / list.load.wallSeconds,
        list.load,
      ),
    ],
  );
  const unloadedRow = (name: string, count: number, l: LatencySummary) => [
    name,
    String(count),
    fmt(l.p50),
    fmt(l.p95),
    fmt(l.max),
  ];
  const unloaded = table(
    "Service time, one request at a time (no queueing; ms)",
    ["Request", "n", "p50", "p95", "max"],
    [
      unloadedRow("Intake 1 MB email", intake.unloaded.count, intake.unloaded),
      unloadedRow("Create case", create.create.unloaded.count, create.create.unloaded),
      unloadedRow("Bare Fastify JSON POST", create.bare.unloaded.count, create.bare.unloaded),
      unloadedRow(`List "${list.stage}" (walk of every page)`, list.unloaded.count, list.unloaded),
    ],
  );
  const ratios = table(
    "Ratios",
    ["Ratio", "Value"],
    [
      ["Create case / bare Fastify (req/s)", fmt(create.ratio, 3)],
      ["Intake maximum rate / 100 req/s goal rate", fmt(intake.maxRate.requestsPerSecond / fixed.offeredRate, 3)],
      [
        "Intake maximum rate x message size (MB/s)",
        fmt((intake.maxRate.requestsPerSecond * intake.messageBytes) / 1e6, 1),
      ],
    ],
  );
  const memRow = (name: string, mem: MemoryChange) => [
    name,
    fmt(mem.before.rssMb),
    fmt(mem.after.rssMb),
    fmt(mem.after.peakRssMb),
  ];
  const memory = table(
    "Server memory (VmRSS and VmHWM from /proc/<pid>/status, MB; before = started and idle, after = after the load)",
    ["Server", "RSS before", "RSS after", "peak"],
    [
      memRow("Intake, fixed rate", fixed.memory),
      memRow("Intake, maximum rate", intake.maxRate.memory),
      memRow("Create case", create.create.memory),
      memRow("Bare Fastify", create.bare.memory),
      memRow(`Listing (${list.seeded} cases)`, list.memory),
    ],
  );
  const others = [fixed, intake.maxRate, create.create, create.bare, list.load].map((r) => r.cpu.other);
  const busiest = Math.max(...others);
  const notes = [
    `Machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average at start ${m.loadAverageAtStart}.`,
    `Disk: 4 KiB write + fdatasync in ${os.tmpdir()} (the data folders): p50 ${m.fsyncMs.p50} ms, max ${m.fsyncMs.max} ms.`,
    // With synchronous=FULL every commit waits for one fsync, and SQLite commits one at a time: group commit puts
    // every waiting request in one commit, but a closed loop of N connections never has more than N waiting.
    `Create case ceiling from the disk alone: ${CREATE_CONNECTIONS} connections per commit / fsync p50 = ${fmt(CREATE_CONNECTIONS / (m.fsyncMs.p50 / 1000), 0)} req/s, i.e. a ratio of at most ${fmt(CREATE_CONNECTIONS / (m.fsyncMs.p50 / 1000) / create.bare.requestsPerSecond, 2)} against this run's bare route (before any CPU is spent).`,
    // What each goal needs of the machine at the least, before HTTP (bench/floors.ts, measured in this process).
    `Intake floor: mailparser's full parse of one of these messages costs ${floors.parseCpuMs} ms of CPU, so ${INTAKE_RATE} a second needs ${fmt((floors.parseCpuMs * INTAKE_RATE) / 1000, 1)} cores for parsing alone (this machine has ${m.cpus}; the load generator used ${fmt(fixed.cpu.generator, 2)}).`,
    `Create floor: one case through the use case and the SQLite store (no HTTP), ${CREATE_CONNECTIONS} at a time, costs ${floors.createCpuUs} µs of CPU: at most ${fmt(1e6 / floors.createCpuUs, 0)} a second on one core, a ratio of at most ${fmt(1e6 / floors.createCpuUs / create.bare.requestsPerSecond, 2)} against this run's bare route before HTTP, the token, validation and the response.`,
    busiest > DISTURBED_CORES
      ? `WARNING: other processes used up to ${fmt(busiest, 2)} cores during the measurements (CPU other): the machine was not quiet, so these figures understate the server. Run again when it is.`
      : `Other processes used at most ${fmt(busiest, 2)} cores during the measurements: the machine was quiet.`,
    `Open loop: latency counts from each request's scheduled start; generator lag max ${fixed.maxSendLagMs} ms (intake), ${list.load.maxSendLagMs} ms (list); most in flight ${fixed.maxInFlight} (intake), ${list.load.maxInFlight} (list).`,
    `Intake: outbox backlog (documents to file) ${fixed.outboxBacklogAfter ?? "?"} jobs after the fixed-rate run, ${intake.maxRate.outboxBacklogAfter ?? "?"} after the closed-loop run.`,
    `List: ${list.casesInStage} cases in "${list.stage}" (${list.pagesInStage} pages); ${list.firstPages} random first pages, ${list.followedPages} followed by cursor; ${list.badPages} bad pages. Seeding took ${list.seedMs} ms.`,
  ];

  const clean = (r: Row) => !hasUnexpected(r.unexpected) && !r.unanswered;
  const goals: Goal[] = [
    {
      goal: `Intake p95 at ${INTAKE_RATE} req/s (1 MB of attachments)`,
      target: `<= ${GOALS.intakeP95Ms} ms`,
      measured: `${ms(fixed.latency.p95, fixed)} ms`,
      value: fixed.latency.p95,
      lowerBound: fixed.unanswered > 0,
      pass: fixed.latency.p95 <= GOALS.intakeP95Ms && clean(fixed),
    },
    {
      goal: "Create case / bare Fastify throughput",
      target: `>= ${GOALS.createToBareRatio}`,
      measured: fmt(create.ratio, 3),
      value: create.ratio,
      lowerBound: false,
      pass: create.ratio >= GOALS.createToBareRatio && clean(create.create) && clean(create.bare),
    },
    {
      goal: `List p95 ("${list.stage}", ${PAGE_SIZE}/page, ${list.seeded} cases, ${LIST_RATE} req/s)`,
      target: `<= ${GOALS.listP95Ms} ms`,
      measured: `${ms(list.load.latency.p95, list.load)} ms`,
      value: list.load.latency.p95,
      lowerBound: list.load.unanswered > 0,
      pass: list.load.latency.p95 <= GOALS.listP95Ms && clean(list.load) && list.badPages === 0,
    },
  ];
  const summary = table(
    "Summary",
    ["Goal", "Target", "Measured", "Result"],
    goals.map((g) => [g.goal, g.target, g.measured, g.pass ? "PASS" : "FAIL"]),
  );
  return { text: [figures, unloaded, ratios, memory, notes.join("\n"), summary].join("\n\n"), goals };
}

async function main(): Promise<void> {
  const m = machine();
  log(`machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}`);
  const intake = await benchIntake();
  globalThis.gc?.();
  const create = await benchCreate();
  globalThis.gc?.();
  const list = await benchList();
  globalThis.gc?.();
  log("floors: mailparser's full parse, and create case without HTTP, in this process");
  const floors = await measureFloors(new EmailCorpus({ attachments: 2, attachmentBytes: 512 * 1024 }), CREATE_CONNECTIONS);
  const { text, goals } = report(m, intake, create, list, floors);
  process.stdout.write(`\n${text}\n`);
  const file = await artifactPath("bench.json");
  // Requests a slow server left unanswered are a finding, not a broken run; failed or wrong answers are.
  const disturbed = [intake.fixedRate, intake.maxRate, create.create, create.bare, list.load].some(
    (r) => r.cpu.other > DISTURBED_CORES,
  );
  const runClean =
    [intake.fixedRate, intake.maxRate, create.create, create.bare, list.load].every(
      (r) => !hasUnexpected(r.unexpected),
    ) && list.badPages === 0;
  await fs.writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: m, goals, runClean, disturbed, intake, create, list, floors }, null, 2)}\n`,
  );
  log(`wrote ${path.relative(process.cwd(), file)}; ${runClean ? "the run was clean" : "some requests failed"}`);
  process.exitCode = runClean ? 0 : 1;
  if (!(await runGraphFaultsBench())) process.exitCode = 1;
  await benchTaskpane();
}

main()
  .catch((error: unknown) => {
    console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(watchdog);
    killChildren();
    // Keep-alive sockets or timers left by a failure must not keep the process alive.
    process.exit();
  });

// The Teams tab's figures (bench/tab.bench.ts), in their own process once this run has finished.
runTabBenchAtExit();
