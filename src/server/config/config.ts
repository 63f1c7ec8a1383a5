import path from "node:path";
import { z } from "zod";

const MB = 1024 * 1024;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** Microsoft 365 settings (README "Connect to Microsoft 365"). Secrets only ever from the environment. */
const ZTenantEnv = z.object({
  /** The app registration of Redress (one registration: API + Graph client). */
  CLIENT_ID: optionalText,
  /** A client secret, or (preferred) a certificate: private key PEM + SHA-256 thumbprint. */
  CLIENT_SECRET: optionalText,
  CLIENT_CERTIFICATE_PRIVATE_KEY: optionalText,
  CLIENT_CERTIFICATE_THUMBPRINT_SHA256: optionalText,
  /** The API's Application ID URI (e.g. api://redress.example.org/<client id>); tokens for it or the client id are accepted. */
  API_APP_ID_URI: optionalText,
  /** Tenants whose people may sign in, comma-separated; TENANT_ID when unset. */
  ALLOWED_TENANT_IDS: optionalText,
  /** The complaints site and its document library (drive). */
  SITE_ID: optionalText,
  DRIVE_ID: optionalText,
  /** The board's team and channel: the channel is where the workflow posts and where duplicates are looked for. */
  TEAM_ID: optionalText,
  CHANNEL_ID: optionalText,
  /** The Teams Workflows webhook ("post to a channel when a webhook request is received"). A secret: env only. */
  WORKFLOW_WEBHOOK_URL: optionalText,
  /** The shared mailbox letters are sent from, e.g. complaints@example.org. */
  SHARED_MAILBOX: optionalText,
  /** The Teams app id (manifest id): activity-feed notices and the client's config name it. */
  TEAMS_APP_ID: optionalText,
  /** Overrides for the Graph emulator (tests, development). */
  GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com/v1.0"),
  AUTHORITY_HOST: z.url().default("https://login.microsoftonline.com"),
  /** A PEM file of an extra certificate to trust for Graph and sign-in (the emulator's). Not for production. */
  GRAPH_EXTRA_CA_FILE: optionalText,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string | null;
  clientCertificate: { privateKey: string; thumbprintSha256: string } | null;
  audiences: string[];
  allowedTenantIds: string[];
  siteId: string;
  driveId: string;
  teamId: string | null;
  channelId: string | null;
  workflowWebhookUrl: string;
  sharedMailbox: string;
  teamsAppId: string | null;
  graphBaseUrl: string;
  authorityHost: string;
  extraCaFile: string | null;
}

const ZConfigEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  /** The address people use to reach this server; links in letters and cards are built from it. */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Exchange Online's largest message is 150 MB. */
  INTAKE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(150 * MB),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(150 * MB),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set when connecting to Microsoft 365. Embedded mode (the default) needs none of the tenant settings. */
  TENANT_ID: z.string().optional(),
  /** How often the outbox worker looks for due jobs when nothing has woken it, in milliseconds. */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  /** After this many hours a failing outbox job is dead-lettered (kept, shown, retried only by a person). */
  OUTBOX_DEAD_AFTER_HOURS: z.coerce
    .number()
    .positive()
    .default(7 * 24),
  /**
   * After an email or channel post whose answer was lost, wait this long before looking for it (Sent Items and the
   * channel show a message some seconds after Graph accepts it) and deciding whether to send again.
   */
  OUTBOX_UNKNOWN_OUTCOME_WAIT_MS: z.coerce.number().int().positive().default(120_000),
  /** The public complaint form: complaints accepted per address per hour, and the fewest seconds a person takes. */
  PUBLIC_FORM_PER_HOUR: z.coerce.number().int().positive().default(10),
  PUBLIC_FORM_MIN_FILL_SECONDS: z.coerce.number().min(0).default(5),
  /** How long a stopping server lets in-flight requests and claimed jobs finish before it exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(25_000),
  /** `postgres://…`: the cases live in PostgreSQL, which several servers can share; unset, SQLite under DATA_DIR. */
  DATABASE_URL: optionalText,
  /** Connections each server keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long a server's claim on an outbox job lasts unless renewed (it renews every third of it while the job
   * runs). A dead server's jobs are taken over this long after its last renewal plus OUTBOX_UNKNOWN_OUTCOME_WAIT_MS.
   */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(180).default(60),
  ...ZTenantEnv.shape,
});

/** Where a setting comes from in Azure (infra/main.bicep); the infra test holds the Bicep to this table. */
export type SettingSource =
  /** An App Service app setting written by the Bicep. */
  | "app-setting"
  /** Set by App Service itself (PORT); the Bicep must not set it. */
  | "platform"
  /** Only for the Graph emulator or local runs; never set in Azure. */
  | "local-only";

export interface SettingInfo {
  /** Secrets come from Key Vault by reference, never as plain values. */
  secret: boolean;
  source: SettingSource;
}

/**
 * Every environment variable the server reads, once: the infra test derives "what the Bicep must supply" from it
 * (the `satisfies` makes a new setting without an entry here a type error).
 */
export const SETTINGS = {
  NODE_ENV: { secret: false, source: "app-setting" },
  PORT: { secret: false, source: "platform" },
  HOST: { secret: false, source: "app-setting" },
  PUBLIC_URL: { secret: false, source: "app-setting" },
  DATA_DIR: { secret: false, source: "app-setting" },
  INTAKE_MAX_BYTES: { secret: false, source: "app-setting" },
  DOCUMENT_MAX_BYTES: { secret: false, source: "app-setting" },
  LOG_LEVEL: { secret: false, source: "app-setting" },
  TENANT_ID: { secret: false, source: "app-setting" },
  OUTBOX_POLL_MS: { secret: false, source: "app-setting" },
  OUTBOX_DEAD_AFTER_HOURS: { secret: false, source: "app-setting" },
  OUTBOX_UNKNOWN_OUTCOME_WAIT_MS: { secret: false, source: "app-setting" },
  DATABASE_URL: { secret: true, source: "app-setting" },
  DATABASE_POOL_SIZE: { secret: false, source: "app-setting" },
  OUTBOX_LEASE_SECONDS: { secret: false, source: "app-setting" },
  SHUTDOWN_GRACE_MS: { secret: false, source: "app-setting" },
  PUBLIC_FORM_PER_HOUR: { secret: false, source: "app-setting" },
  PUBLIC_FORM_MIN_FILL_SECONDS: { secret: false, source: "app-setting" },
  CLIENT_ID: { secret: false, source: "app-setting" },
  CLIENT_SECRET: { secret: true, source: "app-setting" },
  CLIENT_CERTIFICATE_PRIVATE_KEY: { secret: true, source: "app-setting" },
  CLIENT_CERTIFICATE_THUMBPRINT_SHA256: { secret: false, source: "app-setting" },
  API_APP_ID_URI: { secret: false, source: "app-setting" },
  ALLOWED_TENANT_IDS: { secret: false, source: "app-setting" },
  SITE_ID: { secret: false, source: "app-setting" },
  DRIVE_ID: { secret: false, source: "app-setting" },
  TEAM_ID: { secret: false, source: "app-setting" },
  CHANNEL_ID: { secret: false, source: "app-setting" },
  WORKFLOW_WEBHOOK_URL: { secret: true, source: "app-setting" },
  SHARED_MAILBOX: { secret: false, source: "app-setting" },
  TEAMS_APP_ID: { secret: false, source: "app-setting" },
  GRAPH_BASE_URL: { secret: false, source: "local-only" },
  AUTHORITY_HOST: { secret: false, source: "local-only" },
  GRAPH_EXTRA_CA_FILE: { secret: false, source: "local-only" },
} as const satisfies Record<keyof typeof ZConfigEnv.shape, SettingInfo>;

/** The names of every environment variable the configuration reads (from the schema itself, not a copy). */
export const SETTING_NAMES = Object.keys(ZConfigEnv.shape) as Array<keyof typeof SETTINGS>;

export interface Config {
  mode: "embedded" | "microsoft365";
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseFile: string;
  blobDir: string;
  documentsDir: string;
  intakeMaxBytes: number;
  documentMaxBytes: number;
  logLevel: z.infer<typeof ZConfigEnv>["LOG_LEVEL"];
  outboxPollMs: number;
  outboxDeadAfterMs: number;
  outboxUnknownOutcomeWaitMs: number;
  /** The public complaint form's spam and flood limits. */
  publicForm: { perHour: number; minFillMs: number };
  shutdownGraceMs: number;
  /** PostgreSQL (several servers may share it), or null for SQLite at `databaseFile`. */
  postgres: { url: string; poolSize: number } | null;
  outboxLeaseMs: number;
  /** Present exactly in Microsoft 365 mode. */
  tenant: TenantConfig | null;
  /** The development sign-in exists only in embedded mode, never in production. */
  devIdentityEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Redress cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and checks every setting at once, so one start shows every problem. Secrets come only from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfigEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const mode = e.TENANT_ID ? "microsoft365" : "embedded";
  const tenant = mode === "microsoft365" ? tenantConfig(e, problems) : null;
  const postgres = e.DATABASE_URL ? postgresConfig(e.DATABASE_URL, e.DATABASE_POOL_SIZE, problems) : null;
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    mode,
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir,
    databaseFile: path.join(dataDir, "redress.sqlite"),
    blobDir: path.join(dataDir, "blobs"),
    documentsDir: path.join(dataDir, "documents"),
    intakeMaxBytes: e.INTAKE_MAX_BYTES,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxDeadAfterMs: Math.round(e.OUTBOX_DEAD_AFTER_HOURS * 3600_000),
    outboxUnknownOutcomeWaitMs: e.OUTBOX_UNKNOWN_OUTCOME_WAIT_MS,
    publicForm: { perHour: e.PUBLIC_FORM_PER_HOUR, minFillMs: Math.round(e.PUBLIC_FORM_MIN_FILL_SECONDS * 1000) },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    postgres,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    tenant,
    devIdentityEnabled: mode === "embedded" && e.NODE_ENV !== "production",
  };
}

/** Checks the Microsoft 365 settings together, adding every problem to `problems`. */
function tenantConfig(e: z.infer<typeof ZConfigEnv>, problems: string[]): TenantConfig | null {
  const need = (name: string, value: string | undefined): string => {
    if (!value) problems.push(`${name}: required when TENANT_ID is set (see README "Connect to Microsoft 365").`);
    return value ?? "";
  };
  const tenantId = e.TENANT_ID ?? "";
  if (!GUID.test(tenantId)) problems.push("TENANT_ID: must be the tenant's id (a GUID), not its domain name.");
  const clientId = need("CLIENT_ID", e.CLIENT_ID);
  if (clientId && !GUID.test(clientId)) problems.push("CLIENT_ID: must be the app registration's client id (a GUID).");
  const hasCertificate = Boolean(e.CLIENT_CERTIFICATE_PRIVATE_KEY || e.CLIENT_CERTIFICATE_THUMBPRINT_SHA256);
  if (!e.CLIENT_SECRET && !hasCertificate) {
    problems.push(
      "CLIENT_SECRET or CLIENT_CERTIFICATE_PRIVATE_KEY + CLIENT_CERTIFICATE_THUMBPRINT_SHA256: one is required.",
    );
  }
  if (hasCertificate && !(e.CLIENT_CERTIFICATE_PRIVATE_KEY && e.CLIENT_CERTIFICATE_THUMBPRINT_SHA256)) {
    problems.push("CLIENT_CERTIFICATE_PRIVATE_KEY and CLIENT_CERTIFICATE_THUMBPRINT_SHA256: give both, or neither.");
  }
  const siteId = need("SITE_ID", e.SITE_ID);
  const driveId = need("DRIVE_ID", e.DRIVE_ID);
  const sharedMailbox = need("SHARED_MAILBOX", e.SHARED_MAILBOX);
  if (sharedMailbox && !/^[^@\s]+@[^@\s]+$/.test(sharedMailbox))
    problems.push("SHARED_MAILBOX: must be an email address.");
  const workflowWebhookUrl = need("WORKFLOW_WEBHOOK_URL", e.WORKFLOW_WEBHOOK_URL);
  if (workflowWebhookUrl && !workflowWebhookUrl.startsWith("https://")) {
    problems.push("WORKFLOW_WEBHOOK_URL: must be the https address the Workflows app gives.");
  }
  if (Boolean(e.TEAM_ID) !== Boolean(e.CHANNEL_ID)) problems.push("TEAM_ID and CHANNEL_ID: give both, or neither.");
  if (e.GRAPH_EXTRA_CA_FILE && e.NODE_ENV === "production") {
    problems.push("GRAPH_EXTRA_CA_FILE: only for the Graph emulator; not allowed with NODE_ENV=production.");
  }
  const allowed = (e.ALLOWED_TENANT_IDS ?? tenantId)
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of allowed) if (!GUID.test(t)) problems.push(`ALLOWED_TENANT_IDS: "${t}" is not a tenant id (GUID).`);
  if (problems.length > 0) return null;
  return {
    tenantId,
    clientId,
    clientSecret: e.CLIENT_SECRET ?? null,
    clientCertificate:
      e.CLIENT_CERTIFICATE_PRIVATE_KEY && e.CLIENT_CERTIFICATE_THUMBPRINT_SHA256
        ? { privateKey: e.CLIENT_CERTIFICATE_PRIVATE_KEY, thumbprintSha256: e.CLIENT_CERTIFICATE_THUMBPRINT_SHA256 }
        : null,
    audiences: [clientId, ...(e.API_APP_ID_URI ? [e.API_APP_ID_URI] : [])],
    allowedTenantIds: allowed,
    siteId,
    driveId,
    teamId: e.TEAM_ID ?? null,
    channelId: e.CHANNEL_ID ?? null,
    workflowWebhookUrl,
    sharedMailbox,
    teamsAppId: e.TEAMS_APP_ID ?? null,
    graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/$/, ""),
    authorityHost: e.AUTHORITY_HOST.replace(/\/$/, ""),
    extraCaFile: e.GRAPH_EXTRA_CA_FILE ?? null,
  };
}

/** DATABASE_URL must be a PostgreSQL address with a database name; problems are added, never the URL (a secret). */
function postgresConfig(url: string, poolSize: number, problems: string[]): { url: string; poolSize: number } | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !["postgres:", "postgresql:"].includes(parsed.protocol)) {
    problems.push("DATABASE_URL: must be a PostgreSQL address, postgres://user:password@host:5432/database.");
    return null;
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    problems.push("DATABASE_URL: give the host and the database name (postgres://user:password@host:5432/database).");
    return null;
  }
  return { url, poolSize };
}
