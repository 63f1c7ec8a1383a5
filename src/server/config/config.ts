import path from "node:path";
import { z } from "zod";

const MB = 1024 * 1024;

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
});

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
  if (mode === "microsoft365") {
    problems.push(
      "TENANT_ID is set, but Microsoft 365 mode is not available in this version yet: unset it to run embedded.",
    );
  }
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
    devIdentityEnabled: mode === "embedded" && e.NODE_ENV !== "production",
  };
}
