/**
 * What the two server goals cost before any HTTP, measured in this process so the report can say how much of the
 * machine they need at the least: mailparser's full parse of one benchmark message (which every intake needs once,
 * to file its attachments), and one "create case" through the real use case and SQLite store (reference, case,
 * timeline, group commit with synchronous=FULL), 16 at a time as the benchmark's 16 connections send them.
 * CPU time of this process (all threads), per item, after a warm-up.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MailParser } from "mailparser";
import { PersonaDirectory } from "../src/server/adapters/identity/personas.js";
import { newTimeOrderedId } from "../src/server/adapters/ids/time-ordered-id.js";
import { openSqliteCaseStore } from "../src/server/adapters/sql/sqlite-case-store.js";
import type { AppDeps } from "../src/server/app/deps.js";
import { logComplaint } from "../src/server/app/log-complaint.js";
import type { Actor } from "../src/server/domain/roles.js";
import { DEFAULT_SETTINGS } from "../src/server/domain/settings.js";
import { systemClock } from "../src/server/ports/clock.js";
import type { EmailCorpus } from "./email-corpus.js";
import { round } from "./stats.js";

export interface Floors {
  /** CPU ms of one full mailparser parse of a benchmark message (attachments decoded and read to the end). */
  parseCpuMs: number;
  /** CPU µs of one case logged through the use case and the SQLite store, 16 concurrently. */
  createCpuUs: number;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function parseFully(message: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ skipHtmlToText: true });
    parser.on("data", (data: { type: string; content?: NodeJS.ReadableStream; release?: () => void }) => {
      if (data.type !== "attachment") return;
      data.content?.on("data", () => undefined);
      data.content?.on("end", () => data.release?.());
    });
    parser.on("end", () => resolve());
    parser.on("error", reject);
    parser.end(message);
  });
}

async function parseFloor(corpus: EmailCorpus, count: number): Promise<number> {
  const messages = Array.from({ length: count + 5 }, () => corpus.next());
  for (const message of messages.slice(0, 5)) await parseFully(message);
  const start = cpuMs();
  for (const message of messages.slice(5)) await parseFully(message);
  return (cpuMs() - start) / count;
}

const STAFF: Actor = { id: "staff", name: "Sam Patel", roles: ["Complaints.Log"] };

async function createFloor(count: number, concurrency: number): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-bench-floor-"));
  const store = await openSqliteCaseStore({ file: path.join(dir, "redress.sqlite") });
  try {
    // Only what logging a complaint in writing touches; the rest of the composition is not reached.
    const deps: AppDeps = {
      store,
      blobs: null as never,
      documents: null as never,
      clock: systemClock,
      directory: new PersonaDirectory(),
      policy: { current: async () => DEFAULT_SETTINGS },
      outbox: { notify: () => undefined },
      newId: newTimeOrderedId,
      parseEmail: null as never,
      emailEnvelope: null as never,
      letters: null as never,
    };
    const one = () =>
      logComplaint({
        deps,
        actor: STAFF,
        input: {
          channel: "post",
          subject: `Complaint about my assessment ${randomUUID()}`,
          complainant: { name: "Jane Learner", email: null, relationship: "learner" },
        },
      });
    const run = async (n: number) => {
      for (let i = 0; i < n; i += concurrency) await Promise.all(Array.from({ length: concurrency }, one));
    };
    await run(concurrency * 20);
    const start = cpuMs();
    await run(count);
    return ((cpuMs() - start) / count) * 1000;
  } finally {
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function measureFloors(corpus: EmailCorpus, concurrency: number): Promise<Floors> {
  return {
    parseCpuMs: round(await parseFloor(corpus, 30), 1),
    createCpuUs: round(await createFloor(4000, concurrency), 0),
  };
}
