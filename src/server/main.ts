import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEmailFile } from "./adapters/email/parse-email.js";
import { LocalBlobStore } from "./adapters/files/local-blob-store.js";
import { LocalFolderDocumentStore } from "./adapters/files/local-folder-document-store.js";
import { DevIdentityProvider } from "./adapters/identity/dev-identity-provider.js";
import { PersonaDirectory } from "./adapters/identity/personas.js";
import { DocxLetterRenderer } from "./adapters/letters/docx-letter-renderer.js";
import { OutboxWorker } from "./adapters/outbox/outbox-worker.js";
import { openSqliteCaseStore } from "./adapters/sql/sqlite-case-store.js";
import { calendarFor } from "./app/case-calendar.js";
import type { AppDeps } from "./app/deps.js";
import { fileDocument } from "./app/file-document.js";
import { recoverAfterCrash } from "./app/recover-after-crash.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { londonDateTime } from "./domain/calendar/plain-date.js";
import { DEFAULT_POLICY } from "./domain/policy.js";
import { buildServer } from "./http/build-server.js";
import { systemClock } from "./ports/clock.js";

/** The composition root: reads config, picks adapters, recovers, starts. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openSqliteCaseStore({ file: config.databaseFile });
  const blobs = await new LocalBlobStore(config.blobDir).init();
  const documents = new LocalFolderDocumentStore(config.documentsDir);
  const signal = { notify: () => worker.notify() };
  const deps: AppDeps = {
    store,
    blobs,
    documents,
    clock: systemClock,
    directory: new PersonaDirectory(),
    policy: { current: async () => DEFAULT_POLICY },
    outbox: signal,
    newId: randomUUID,
    parseEmail: parseEmailFile,
    letters: new DocxLetterRenderer(DEFAULT_POLICY.organisationName),
  };
  const worker = new OutboxWorker({
    store,
    clock: systemClock,
    pollMs: config.outboxPollMs,
    handlers: { "file-document": (job) => fileDocument({ deps, documentId: String(job.payload.documentId) }) },
    onError: (job, error) =>
      app.log.warn(
        { job: job.id, kind: job.kind, error: error instanceof Error ? error.message : "unknown" },
        "outbox job failed; will retry",
      ),
  });

  await recoverAfterCrash({ deps });
  // Work out this year's and next year's bank holidays now, not during the first complaint of the day.
  const today = londonDateTime(new Date()).date;
  calendarFor(DEFAULT_POLICY).addWorkingDays(today, 300);
  await documents.clearPartials();
  const devIdentity = config.devIdentityEnabled ? await DevIdentityProvider.open(config.dataDir) : null;
  if (!devIdentity)
    throw new ConfigError(["No sign-in is configured: Microsoft 365 sign-in is not available in this version."]);
  const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web");
  const app = await buildServer(
    {
      deps,
      config,
      verifier: devIdentity,
      devIdentity,
      outboxBacklog: async () => (await store.listJobs({ status: "pending" })).length,
    },
    { webRoot },
  );

  const shutdown = async (signalName: string) => {
    app.log.info({ signal: signalName }, "shutting down");
    await app.close();
    await worker.stop();
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  worker.start();
  app.log.info({ mode: config.mode, url: config.publicUrl }, "Redress is running");
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Redress failed to start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
