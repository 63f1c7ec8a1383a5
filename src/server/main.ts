import path from "node:path";
import { fileURLToPath } from "node:url";
import { streamingEnvelopeReader } from "./adapters/email/envelope-reader.js";
import { WorkerEmailParser } from "./adapters/email/worker-email-parser.js";
import { LocalBlobStore } from "./adapters/files/local-blob-store.js";
import { LocalFolderDocumentStore } from "./adapters/files/local-folder-document-store.js";
import { GraphReadinessProbe } from "./adapters/graph/graph-readiness-probe.js";
import { openMicrosoft365 } from "./adapters/graph/open-microsoft365.js";
import { CachingTokenVerifier } from "./adapters/identity/caching-token-verifier.js";
import { DevIdentityProvider } from "./adapters/identity/dev-identity-provider.js";
import { PersonaDirectory } from "./adapters/identity/personas.js";
import { newTimeOrderedId } from "./adapters/ids/time-ordered-id.js";
import { DocxLetterRenderer } from "./adapters/letters/docx-letter-renderer.js";
import { DevOutboxRecorder } from "./adapters/local/dev-outbox-recorder.js";
import { OutboxWorker } from "./adapters/outbox/outbox-worker.js";
import { channelPostLimits } from "./adapters/outbox/rate-limits.js";
import { DocxReportRenderer } from "./adapters/reports/docx-report-renderer.js";
import { StoredPolicySource } from "./adapters/settings/stored-policy-source.js";
import { openDatabase } from "./adapters/sql/open-database.js";
import { applyRetention } from "./app/apply-retention.js";
import { calendarFor } from "./app/case-calendar.js";
import { caseLink } from "./app/case-link.js";
import { checkReadiness } from "./app/check-readiness.js";
import type { DeliveryDeps } from "./app/delivery-deps.js";
import type { AppDeps } from "./app/deps.js";
import { EXTRACT_EMAIL_PARTS, extractEmailParts } from "./app/extract-email-parts.js";
import { fileDocument } from "./app/file-document.js";
import { FILE_GOVERNANCE_DOCUMENT, fileGovernanceDocument } from "./app/file-governance-document.js";
import { notifyPerson } from "./app/notify-person.js";
import { postBoardCard } from "./app/post-board-card.js";
import { APPLY_RETENTION, queueDailyGovernance } from "./app/queue-daily-governance.js";
import { queueDailyNotices } from "./app/queue-daily-notices.js";
import { recoverAfterCrash } from "./app/recover-after-crash.js";
import { sendCaseEmail } from "./app/send-case-email.js";
import { SEND_NOTICE_EMAIL, sendNoticeEmail } from "./app/send-notice-email.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { londonDateTime } from "./domain/calendar/plain-date.js";
import { DEFAULT_POLICY } from "./domain/policy.js";
import { buildServer } from "./http/build-server.js";
import { warmUpBoard } from "./http/warm-up-board.js";
import { systemClock } from "./ports/clock.js";

/** How often the daily digest and "due soon" notices are checked for (each is queued once a day). */
const DAILY_NOTICES_EVERY_MS = 10 * 60_000;

/** The composition root: reads config, picks adapters, recovers, starts. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { store, scheduled, shared } = await openDatabase(config);
  const blobs = await new LocalBlobStore(config.blobDir).init();
  const m365 = config.tenant
    ? await openMicrosoft365({
        tenant: config.tenant,
        dataDir: config.dataDir,
        unknownOutcomeWaitMs: config.outboxUnknownOutcomeWaitMs,
      })
    : null;
  const localDocuments = m365 ? null : new LocalFolderDocumentStore(config.documentsDir);
  const documents = m365?.documents ?? (localDocuments as LocalFolderDocumentStore);
  const signal = { notify: () => worker.notify() };
  const devOutbox = m365 ? null : new DevOutboxRecorder(config.dataDir);
  const emailParser = new WorkerEmailParser();
  const deps: AppDeps = {
    store,
    blobs,
    documents,
    clock: systemClock,
    directory: m365?.directory ?? new PersonaDirectory(),
    // The newest admin settings version (cached); each case keeps the version it was received under.
    policy: new StoredPolicySource(store),
    outbox: signal,
    // Time-ordered, so entries of the same instant keep the order they were written in (domain/timeline.ts).
    newId: () => newTimeOrderedId(),
    parseEmail: emailParser.parse,
    emailEnvelope: streamingEnvelopeReader,
    letters: new DocxLetterRenderer(DEFAULT_POLICY.organisationName),
    reports: new DocxReportRenderer(DEFAULT_POLICY.organisationName),
    publicUrl: config.publicUrl,
  };
  const delivery: DeliveryDeps = {
    board: m365?.board ?? (devOutbox as DevOutboxRecorder),
    mailer: m365?.mailer ?? (devOutbox as DevOutboxRecorder),
    activity: m365?.activity ?? (devOutbox as DevOutboxRecorder),
    acceptanceStartsAppealWindow: m365 !== null,
    postedCardInformsBoard: m365 !== null,
    caseUrl: (caseId) =>
      caseLink({ publicUrl: config.publicUrl, teamsAppId: config.tenant?.teamsAppId ?? null, caseId }),
  };
  const worker = new OutboxWorker({
    store,
    clock: systemClock,
    pollMs: config.outboxPollMs,
    deadAfterMs: config.outboxDeadAfterMs,
    handlers: {
      "file-document": (job) => fileDocument({ deps, jobId: job.id, documentId: String(job.payload.documentId) }),
      [EXTRACT_EMAIL_PARTS]: (job) =>
        extractEmailParts({ deps, jobId: job.id, documentId: String(job.payload.documentId) }),
      "post-board-card": (job) => postBoardCard({ deps, delivery, job }),
      "send-email": (job) => sendCaseEmail({ deps, delivery, job }),
      "notify-person": (job) => notifyPerson({ deps, delivery, job }),
      [SEND_NOTICE_EMAIL]: (job) => sendNoticeEmail({ deps, delivery, job }),
      [APPLY_RETENTION]: async () => void (await applyRetention({ deps })),
      [FILE_GOVERNANCE_DOCUMENT]: (job) => fileGovernanceDocument({ deps, jobId: job.id, payload: job.payload }),
    },
    // Graph: channel messages 2/s per app per tenant — half a second apart, a slot shared by all servers in the
    // database — AND 4/s per team (a post names its team, else the board's), counted in this process.
    minIntervalMs: { "post-board-card": 500 },
    rateLimits: channelPostLimits({
      perTenantPerSecond: Number.POSITIVE_INFINITY,
      teamOf: (job) => String(job.payload.teamId ?? config.tenant?.teamId ?? "board"),
    }),
    leaseMs: config.outboxLeaseMs,
    unknownOutcomeWaitMs: config.outboxUnknownOutcomeWaitMs,
    soleWorker: !shared,
    onError: (job, error) =>
      app.log.warn(
        { job: job.id, kind: job.kind, error: error instanceof Error ? error.message : "unknown" },
        "outbox job failed; will retry",
      ),
  });

  // With several servers on one data folder, another may be mid-intake: its temporary files and blobs not yet
  // committed must not be swept away, so only a lone server (SQLite) tidies up at start.
  if (!shared) await recoverAfterCrash({ deps });
  // Work out this year's and next year's bank holidays now, not during the first complaint of the day.
  const today = londonDateTime(new Date()).date;
  calendarFor(DEFAULT_POLICY).addWorkingDays(today, 300);
  await localDocuments?.clearPartials();
  const devIdentity = config.devIdentityEnabled ? await DevIdentityProvider.open(config.dataDir) : null;
  const verifier = m365?.verifier ?? devIdentity;
  if (!verifier) {
    throw new ConfigError([
      "No sign-in is configured: the development sign-in is off with NODE_ENV=production; set TENANT_ID and the other Microsoft 365 settings.",
    ]);
  }
  const readinessProbes =
    m365 && config.tenant
      ? [new GraphReadinessProbe({ graph: m365.graph.appGraph, driveId: config.tenant.driveId })]
      : [];
  const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web");
  const app = await buildServer(
    {
      deps,
      config,
      // A token's signature is checked once; until it expires the same token string is answered from memory.
      verifier: new CachingTokenVerifier(verifier),
      devIdentity,
      devOutbox,
      mailboxReader: m365?.mailboxReader ?? null,
      outboxBacklog: async () => (await store.listJobs({ status: "pending" })).length,
      readiness: () => checkReadiness({ deps, probes: readinessProbes }),
    },
    { webRoot },
  );

  let stopping = false;
  const shutdown = async (signalName: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal: signalName }, "shutting down");
    // App Service (and any supervisor) kills the process some seconds after SIGTERM: leave on our own terms first.
    setTimeout(() => {
      app.log.error({ graceMs: config.shutdownGraceMs }, "requests or jobs still running at the deadline; exiting");
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    clearInterval(daily);
    clearInterval(governance);
    // In-flight requests finish first (new ones get 503 and idle connections close), then the worker stops taking
    // jobs and waits for the ones it holds: a request's outbox jobs are committed before the worker goes.
    await app.close();
    await worker.stop();
    await emailParser.close();
    await store.close();
    m365?.graph.close();
    app.log.info("stopped cleanly");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  worker.start();
  warmUpBoard({ deps }).catch((error: unknown) =>
    app.log.warn({ error: error instanceof Error ? error.message : "unknown" }, "board not warmed up"),
  );
  const daily = setInterval(() => {
    scheduled
      .runExclusively("daily-notices", () => queueDailyNotices({ deps }))
      .catch((error: unknown) =>
        app.log.warn({ error: error instanceof Error ? error.message : "unknown" }, "daily notices not queued"),
      );
  }, DAILY_NOTICES_EVERY_MS);
  daily.unref();
  // Retention (daily) and the policy review reminder: one server queues them (and their job ids are fixed per day).
  const governance = setInterval(() => {
    scheduled
      .runExclusively("daily-governance", () => queueDailyGovernance({ deps }))
      .catch((error: unknown) =>
        app.log.warn({ error: error instanceof Error ? error.message : "unknown" }, "daily governance not queued"),
      );
  }, DAILY_NOTICES_EVERY_MS);
  governance.unref();
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
