/**
 * The fault scenarios of issue 5, run by test/resilience/graph-faults.test.ts (smaller) and bench/graph-faults.bench.ts
 * (full size). Everything real except the clock where a day must pass: SQLite outbox, OutboxWorker, the delivery use
 * cases, msal-node + the Graph client, and the Graph emulator over HTTPS.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { FixedClock } from "../../src/server/adapters/fakes/fixed-clock.js";
import { LocalBlobStore } from "../../src/server/adapters/files/local-blob-store.js";
import { GraphActivityNotifier } from "../../src/server/adapters/graph/graph-activity-notifier.js";
import { GraphMailer } from "../../src/server/adapters/graph/graph-mailer.js";
import { SharePointDocumentStore, UPLOAD_FRAGMENT } from "../../src/server/adapters/graph/sharepoint-document-store.js";
import { WorkflowWebhookNotifier } from "../../src/server/adapters/graph/workflow-webhook-notifier.js";
import { PersonaDirectory } from "../../src/server/adapters/identity/personas.js";
import { DocxLetterRenderer } from "../../src/server/adapters/letters/docx-letter-renderer.js";
import { OutboxWorker } from "../../src/server/adapters/outbox/outbox-worker.js";
import type { KyselyCaseStore } from "../../src/server/adapters/sql/kysely-case-store.js";
import { openSqliteCaseStore } from "../../src/server/adapters/sql/sqlite-case-store.js";
import type { DeliveryDeps } from "../../src/server/app/delivery-deps.js";
import type { AppDeps } from "../../src/server/app/deps.js";
import { fileDocument } from "../../src/server/app/file-document.js";
import { notifyPerson } from "../../src/server/app/notify-person.js";
import { postBoardCard } from "../../src/server/app/post-board-card.js";
import { sendCaseEmail } from "../../src/server/app/send-case-email.js";
import { DEFAULT_POLICY } from "../../src/server/domain/policy.js";
import { buildCase } from "../unit/domain/builders.js";
import { connectToEmulator } from "./connect-to-emulator.js";
import { GraphEmulator } from "./graph-emulator.js";

const HOUR = 3600_000;

interface Harness {
  emulator: GraphEmulator;
  store: KyselyCaseStore;
  clock: FixedClock;
  worker: OutboxWorker;
  deps: AppDeps;
  close(): Promise<void>;
}

async function openHarness(options: { sleepAdvancesClock: boolean }): Promise<Harness> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-faults-"));
  const emulator = await GraphEmulator.start();
  const graph = connectToEmulator(emulator, { timeoutMs: 5000 });
  const clock = new FixedClock("2026-11-24T08:00:00.000Z");
  const store = await openSqliteCaseStore({ file: path.join(dir, "redress.sqlite") });
  const blobs = await new LocalBlobStore(path.join(dir, "blobs")).init();
  const deps: AppDeps = {
    store,
    blobs,
    documents: new SharePointDocumentStore({
      graph: graph.appGraph,
      transport: graph.transport,
      driveId: emulator.options.driveId,
    }),
    clock,
    directory: new PersonaDirectory(),
    policy: { current: async () => DEFAULT_POLICY },
    outbox: { notify: () => {} },
    newId: randomUUID,
    parseEmail: async () => {
      throw new Error("not used");
    },
    emailEnvelope: () => {
      throw new Error("not used");
    },
    letters: new DocxLetterRenderer(DEFAULT_POLICY.organisationName),
  };
  const delivery: DeliveryDeps = {
    board: new WorkflowWebhookNotifier({
      webhookUrl: emulator.webhookUrl,
      transport: graph.transport,
      graph: graph.appGraph,
      teamId: emulator.options.teamId,
      channelId: emulator.options.channelId,
    }),
    mailer: new GraphMailer({
      graph: graph.appGraph,
      sharedMailbox: emulator.options.sharedMailbox,
      now: () => clock.now(),
    }),
    activity: new GraphActivityNotifier({ graph: graph.appGraph }),
    caseUrl: (id) => `https://redress.example.org/tab?case=${id}`,
    acceptanceStartsAppealWindow: false,
  };
  const worker = new OutboxWorker({
    store,
    clock,
    pollMs: 1e9,
    batchSize: 50,
    handlers: {
      "file-document": (job) => fileDocument({ deps, documentId: String(job.payload.documentId) }),
      "post-board-card": (job) => postBoardCard({ deps, delivery, job }),
      "send-email": (job) => sendCaseEmail({ deps, delivery, job }),
      "notify-person": (job) => notifyPerson({ deps, delivery, job }),
    },
    minIntervalMs: { "post-board-card": 500 },
    ...(options.sleepAdvancesClock ? { sleep: async (ms: number) => clock.advance(ms) } : {}),
  });
  worker.start();
  return {
    emulator,
    store,
    clock,
    worker,
    deps,
    async close() {
      await worker.stop();
      await store.close();
      graph.close();
      await emulator.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Cases, each with a letter, and the given outbox jobs for each, committed in one transaction. */
async function seed(h: Harness, count: number, kinds: readonly string[]): Promise<string[]> {
  const letter = Buffer.from("Dear Sam,\n\nThank you for your complaint.\n");
  const sha256 = createHash("sha256").update(letter).digest("hex");
  const temp = h.deps.blobs.tempPath();
  await fs.writeFile(temp, letter);
  await h.deps.blobs.adopt(temp, sha256);
  const at = h.clock.now().toISOString();
  const refs: string[] = [];
  await h.store.transaction(async (tx) => {
    for (let n = 1; n <= count; n += 1) {
      const c = buildCase({ id: randomUUID(), reference: `CMP-2026-${String(n).padStart(4, "0")}` });
      await tx.insertCase(c);
      refs.push(c.reference);
      const documentId = randomUUID();
      await tx.insertDocument({
        id: documentId,
        caseId: c.id,
        name: "acknowledgement-letter.txt",
        kind: "letter",
        contentType: "text/plain; charset=utf-8",
        size: letter.length,
        sha256,
        createdAt: at,
        createdBy: "handler",
        filedAt: null,
        webUrl: null,
        note: null,
      });
      const payloads: Record<string, Record<string, unknown>> = {
        "file-document": { documentId },
        "send-email": { purpose: "acknowledgement", letterDocumentId: documentId },
        "post-board-card": { event: "appeal-received" },
        "notify-person": { userId: `${h.emulator.options.tenantId}:${randomUUID()}`, activity: "caseAssigned" },
      };
      for (const kind of kinds) {
        await tx.enqueue({ id: randomUUID(), kind, caseId: c.id, payload: payloads[kind] ?? {}, createdAt: at });
      }
    }
  });
  return refs;
}

/** Runs the worker, jumping the simulated clock to the next due job whenever nothing is due now. */
async function drain(h: Harness, options: { maxIterations?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.maxIterations ?? 200_000); i += 1) {
    h.worker.notify();
    await h.worker.idle();
    const pending = await h.store.listJobs({ status: "pending" });
    if (pending.length === 0) return;
    const now = h.clock.now().getTime();
    // A job is next tried at its own time, or when its kind's Retry-After pause ends, whichever is later.
    const next = Math.min(...pending.map((j) => Math.max(Date.parse(j.nextAttemptAt), h.worker.pausedUntil(j.kind))));
    h.clock.set(new Date(Math.max(next, now + 1000)));
  }
  throw new Error("the outbox did not drain");
}

export interface StormFigures {
  cases: number;
  jobs: number;
  stormHours: number;
  refusedDuringStorm: number;
  maxAttemptsOfAJob: number;
  simulatedMinutesToClearAfterStorm: number;
  emailsSent: number;
  duplicateEmails: number;
  cardsPosted: number;
  duplicateCards: number;
  noticesSent: number;
  filesInSharePoint: number;
  jobsDone: number;
  jobsDead: number;
  realSeconds: number;
}

/** 429/503 on every Graph and webhook call for a simulated day, then recovery. */
export async function stormScenario(options: { cases: number; stormHours?: number }): Promise<StormFigures> {
  const started = Date.now();
  const h = await openHarness({ sleepAdvancesClock: true });
  try {
    const stormHours = options.stormHours ?? 24;
    const stormEnd = h.clock.now().getTime() + stormHours * HOUR;
    const storming = () => h.clock.now().getTime() < stormEnd;
    let refused = 0;
    let flip = false;
    const everyCall = /^(GET|POST|PUT|DELETE) \/(v1\.0|upload|workflows)\//;
    h.emulator.faults.add({
      match: everyCall,
      kind: "status",
      status: 429,
      retryAfterSeconds: 120,
      while: () => {
        if (!storming()) return false;
        refused += 1;
        flip = !flip;
        return flip;
      },
    });
    h.emulator.faults.add({ match: everyCall, kind: "status", status: 503, while: storming });
    const kinds = ["file-document", "send-email", "post-board-card", "notify-person"];
    const refs = await seed(h, options.cases, kinds);
    await drain(h);
    const jobs = await h.store.listJobs({});
    const markers = (values: string[]) => values.length - new Set(values).size;
    const emailMarkers = h.emulator.sent.map((m) => String(m.marker));
    const cardRefs = h.emulator.posts.map((p) => JSON.stringify(p.card).match(/CMP-2026-\d{4}/)?.[0] ?? "?");
    let files = 0;
    for (const ref of refs)
      if (await h.emulator.fileAt(`Directors/Complaints/${ref}/acknowledgement-letter.txt`)) files += 1;
    return {
      cases: options.cases,
      jobs: jobs.length,
      stormHours,
      refusedDuringStorm: refused,
      maxAttemptsOfAJob: Math.max(...jobs.map((j) => j.attempts)),
      simulatedMinutesToClearAfterStorm: Math.round((h.clock.now().getTime() - stormEnd) / 60_000),
      emailsSent: h.emulator.sent.length,
      duplicateEmails: markers(emailMarkers),
      cardsPosted: h.emulator.posts.length,
      duplicateCards: markers(cardRefs),
      noticesSent: h.emulator.activity.length,
      filesInSharePoint: files,
      jobsDone: jobs.filter((j) => j.status === "done").length,
      jobsDead: jobs.filter((j) => j.status === "dead").length,
      realSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await h.close();
  }
}

export interface DrainFigures {
  jobs: number;
  simulatedSeconds: number;
  realSeconds: number;
  cardsPosted: number;
  /** Posts Graph (the emulator, enforcing 2/s in simulated time) refused with 429: 0 means within the limit. */
  throttledByGraph: number;
}

/** 500 queued board-card jobs drained at Graph's channel limit (2/s per app per tenant), in simulated time. */
export async function drainScenario(options: { jobs: number }): Promise<DrainFigures> {
  const started = Date.now();
  const h = await openHarness({ sleepAdvancesClock: true });
  try {
    h.emulator.channelLimit = { perSecond: 2, now: () => h.clock.now().getTime() };
    await seed(h, options.jobs, ["post-board-card"]);
    const from = h.clock.now().getTime();
    await drain(h);
    const simulatedSeconds = (h.clock.now().getTime() - from) / 1000;
    return {
      jobs: options.jobs,
      simulatedSeconds: Math.round(simulatedSeconds),
      realSeconds: Math.round((Date.now() - started) / 100) / 10,
      cardsPosted: h.emulator.posts.length,
      throttledByGraph: h.emulator.channelThrottled,
    };
  } finally {
    await h.close();
  }
}

export interface UploadFigures {
  megabytes: number;
  /** Fragment PUTs that reached the emulator whole. */
  fragmentPuts: number;
  /** Times the uploader asked the session where to resume (one per cut connection). */
  resumes: number;
  intact: boolean;
  rssGrowthMb: number;
  heapGrowthMb: number;
  realSeconds: number;
}

/** A large file through an upload session with 3 connections cut mid-fragment; process memory sampled throughout. */
export async function uploadScenario(options: { megabytes: number }): Promise<UploadFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-upload-"));
  const emulator = await GraphEmulator.start();
  const graph = connectToEmulator(emulator, { timeoutMs: 10_000 });
  try {
    const file = path.join(dir, "big.bin");
    const hash = createHash("sha256");
    const out = createWriteStream(file);
    for (let i = 0; i < options.megabytes; i += 1) {
      const chunk = randomBytes(1024 * 1024);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    const sha256 = hash.digest("hex");
    const store = new SharePointDocumentStore({
      graph: graph.appGraph,
      transport: graph.transport,
      driveId: emulator.options.driveId,
      retryDelayMs: () => 20,
    });
    // Cut three connections, a megabyte into fragments a fifth, half and four fifths of the way through.
    const fragments = Math.ceil((options.megabytes * 1024 * 1024) / UPLOAD_FRAGMENT);
    for (const before of [0.2, 0.5, 0.8].map((x) => Math.floor(fragments * x))) {
      emulator.faults.add({
        match: /^PUT \/upload\//,
        kind: "cut",
        afterBytes: 1024 * 1024,
        times: 1,
        while: () => (emulator.calls.get("PUT upload") ?? 0) === before,
      });
    }
    (globalThis as { gc?: () => void }).gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const started = Date.now();
    const size = options.megabytes * 1024 * 1024;
    await store.put({
      path: ["Directors", "Complaints", "CMP-2026-0001", "recording.mp4"],
      size,
      content: () => createReadStream(file),
    });
    clearInterval(sampler);
    const stored = emulator.itemAt("Directors/Complaints/CMP-2026-0001/recording.mp4");
    return {
      megabytes: options.megabytes,
      fragmentPuts: emulator.calls.get("PUT upload") ?? 0,
      resumes: emulator.calls.get("GET upload") ?? 0,
      intact: stored?.sha256 === sha256 && stored.size === size,
      rssGrowthMb: Math.round(((peakRss - base.rss) / 1024 / 1024) * 10) / 10,
      heapGrowthMb: Math.round(((peakHeap - base.heapUsed) / 1024 / 1024) * 10) / 10,
      realSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    graph.close();
    await emulator.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
