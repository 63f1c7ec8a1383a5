/**
 * Real components for the data protection tests, in this process so a FixedClock can stand years later: a SQLite
 * file, the local blob store and the local document folder, as embedded mode runs them.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { FixedClock } from "../../../src/server/adapters/fakes/fixed-clock.js";
import { LocalBlobStore } from "../../../src/server/adapters/files/local-blob-store.js";
import { LocalFolderDocumentStore } from "../../../src/server/adapters/files/local-folder-document-store.js";
import { PersonaDirectory } from "../../../src/server/adapters/identity/personas.js";
import type { SqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import { openSqliteCaseStore } from "../../../src/server/adapters/sql/sqlite-case-store.js";
import { caseFolder } from "../../../src/server/app/case-documents.js";
import type { AppDeps } from "../../../src/server/app/deps.js";
import type { ComplaintCase, DocumentKind } from "../../../src/server/domain/case.js";
import type { Actor } from "../../../src/server/domain/roles.js";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/server/domain/settings.js";
import { closedCase, investigatingCase } from "../../unit/domain/builders.js";

export const ADMIN: Actor = { id: "admin", name: "Alex Kim", roles: ["Complaints.Log", "Complaints.Admin"] };
export const DIRECTOR: Actor = {
  id: "director",
  name: "Daniel Morgan",
  roles: ["Complaints.Log", "Complaints.Direct"],
};
export const DIRECTOR_2: Actor = {
  id: "director-2",
  name: "Rachel Hughes",
  roles: ["Complaints.Log", "Complaints.Direct"],
};
export const HANDLER: Actor = { id: "handler", name: "Helen Carter", roles: ["Complaints.Log", "Complaints.Handle"] };

export interface Harness {
  deps: AppDeps;
  store: SqliteCaseStore;
  clock: FixedClock;
  dir: string;
  /** Replaces the settings in force. */
  setSettings(change: Partial<Settings>): void;
  /** A case written as the procedure leaves it, with documents in the blob store and the case folder. */
  seed(options: {
    reference: string;
    complainant: { name: string; email: string | null };
    closedAt?: string | null;
    documents?: Array<{ name: string; kind: DocumentKind; text: string }>;
  }): Promise<ComplaintCase>;
  fileExists(reference: string, name: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "redress-dp-"));
  const store = await openSqliteCaseStore({ file: path.join(dir, "redress.sqlite") });
  const blobs = await new LocalBlobStore(path.join(dir, "blobs")).init();
  const documents = new LocalFolderDocumentStore(path.join(dir, "documents"));
  const clock = new FixedClock("2026-12-01T10:00:00Z");
  let settings: Settings = DEFAULT_SETTINGS;
  const deps: AppDeps = {
    store,
    blobs,
    documents,
    clock,
    directory: new PersonaDirectory(),
    policy: { current: async () => settings },
    outbox: { notify: () => {} },
    newId: randomUUID,
    parseEmail: null as never,
    emailEnvelope: null as never,
    letters: null as never,
  };
  return {
    deps,
    store,
    clock,
    dir,
    setSettings(change) {
      settings = { ...settings, ...change };
    },
    async seed({ reference, complainant, closedAt = "2026-11-30T10:00:00Z", documents: docs = [] }) {
      const base = closedAt === null ? investigatingCase() : closedCase();
      const c: ComplaintCase = {
        ...base,
        id: randomUUID(),
        reference,
        subject: `Complaint from ${complainant.name}`,
        summary: `${complainant.name} says the assessment was cancelled.`,
        complainant: { ...complainant, relationship: "learner" },
        closure: base.closure && closedAt ? { ...base.closure, at: closedAt } : base.closure,
      };
      await store.transaction(async (tx) => {
        await tx.insertCase(c);
        await tx.appendTimeline({
          id: randomUUID(),
          caseId: c.id,
          at: c.loggedAt,
          actorId: "staff",
          kind: "logged",
          summary: `Logged from a letter. Note from the person who logged it: ${complainant.name} phoned first.`,
          data: { note: `${complainant.name} phoned first.` },
        });
        await tx.appendTimeline({
          id: randomUUID(),
          caseId: c.id,
          at: c.loggedAt,
          actorId: "ops-director",
          kind: "triaged",
          summary: "Triaged as a Assessment and marking complaint and assigned to a handler.",
          data: {},
        });
      });
      for (const d of docs) {
        const bytes = Buffer.from(d.text, "utf8");
        const temp = blobs.tempPath();
        await fs.writeFile(temp, bytes);
        const { createHash } = await import("node:crypto");
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        await blobs.adopt(temp, sha256);
        await documents.put({
          path: [...caseFolder(reference), d.name],
          size: bytes.length,
          content: () => Readable.from(bytes),
        });
        await store.transaction((tx) =>
          tx.insertDocument({
            id: randomUUID(),
            caseId: c.id,
            name: d.name,
            kind: d.kind,
            contentType: "text/plain",
            size: bytes.length,
            sha256,
            createdAt: c.loggedAt,
            createdBy: "staff",
            filedAt: c.loggedAt,
            webUrl: null,
            note: null,
          }),
        );
      }
      await store.recordReads([{ caseId: c.id, actorId: "director", at: c.loggedAt, via: "tab" }]);
      return c;
    },
    async fileExists(reference, name) {
      return fs.access(path.join(dir, "documents", ...caseFolder(reference), name)).then(
        () => true,
        () => false,
      );
    },
    async close() {
      await store.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
