import type { Client } from "@microsoft/microsoft-graph-client";
import type { HttpsTransport } from "../server/adapters/graph/https-transport.js";
import type { SetupArgs } from "./args.js";

/** What the steps share: the admin's Graph client, the arguments, what earlier steps found, and the report. */
export interface SetupContext {
  args: SetupArgs;
  graph: Client;
  transport: HttpsTransport;
  found: {
    appObjectId?: string;
    clientId?: string;
    apiAppIdUri?: string;
    servicePrincipalId?: string;
    siteId?: string;
    driveId?: string;
  };
  report: Reporter;
}

/** Every step says what it did in plain words; a dry run says what it would do. */
export class Reporter {
  changes = 0;
  constructor(
    private readonly dryRun: boolean,
    private readonly write: (line: string) => void = (line) => console.log(line),
  ) {}

  /** Something was (or, in a dry run, would be) changed. */
  changed(what: string): void {
    this.changes += 1;
    this.write(`  ${this.dryRun ? "would" : "done:"} ${what}`);
  }

  /** Already as it should be: nothing done. */
  unchanged(what: string): void {
    this.write(`  ok: ${what}`);
  }

  /** A step begins. */
  step(title: string): void {
    this.write(`\n${title}`);
  }

  note(text: string): void {
    this.write(`  note: ${text}`);
  }
}

/** Graph's error, in words fit for the console (status and code; never a token). */
export function graphProblem(error: unknown): string {
  const e = error as { statusCode?: number; code?: string; message?: string };
  return `${e.statusCode ?? "no answer"} ${e.code ?? ""} ${e.message ?? ""}`.trim();
}

export const isNotFound = (error: unknown): boolean => (error as { statusCode?: number }).statusCode === 404;
