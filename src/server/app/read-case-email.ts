import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { caseView } from "../domain/access.js";
import type { Actor } from "../domain/roles.js";
import type { ParsedEmail } from "../ports/email-parser.js";
import { notFound } from "./change-case.js";
import type { AppDeps } from "./deps.js";

export interface ReadCaseEmailOptions {
  deps: AppDeps;
  actor: Actor;
  caseId: string;
}

export interface CaseEmail {
  subject: string | null;
  from: string | null;
  date: string | null;
  /** Sanitised by the email parser (no scripts, no remote content). */
  html: string | null;
  text: string | null;
}

/**
 * The complaint email as received (the case's first `email` document), parsed again from its stored bytes, for
 * people who may see the whole case. Null when the complaint did not come by email. The read is recorded.
 */
export async function readCaseEmail({ deps, actor, caseId }: ReadCaseEmailOptions): Promise<CaseEmail | null> {
  const found = await deps.store.getCase(caseId);
  if (!found || caseView(actor, found) !== "full") throw notFound();
  const email = (await deps.store.listDocuments(caseId)).find((d) => d.kind === "email");
  if (!email) return null;
  await deps.store.recordReads([
    { caseId, actorId: actor.id, at: deps.clock.now().toISOString(), via: `email:${email.id}` },
  ]);
  const temp = deps.blobs.tempPath();
  let parsed: ParsedEmail | null = null;
  try {
    await pipeline(deps.blobs.open(email.sha256), createWriteStream(temp, { flags: "wx" }));
    parsed = await deps.parseEmail({ path: temp, tempDir: deps.blobs.tempDir });
    const from = parsed.from ? [parsed.from.name, parsed.from.address && `<${parsed.from.address}>`] : [];
    return {
      subject: parsed.subject,
      from: from.filter(Boolean).join(" ") || null,
      date: parsed.date?.toISOString() ?? null,
      html: parsed.html,
      text: parsed.text,
    };
  } finally {
    await Promise.all(
      [temp, ...(parsed?.attachments ?? []).map((a) => a.tempPath)].map((f) => fs.rm(f, { force: true })),
    );
  }
}
