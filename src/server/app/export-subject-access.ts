import type { Readable } from "node:stream";
import JSZip from "jszip";
import { AppError } from "../domain/app-error.js";
import { formatUkLong, londonDateTime } from "../domain/calendar/plain-date.js";
import type { Actor } from "../domain/roles.js";
import type { AppDeps } from "./deps.js";
import { findPersonCases } from "./find-person-cases.js";
import { requireAnyRole } from "./require-role.js";

export interface ExportSubjectAccessOptions {
  deps: AppDeps;
  actor: Actor;
  email?: string;
  name?: string;
}

/**
 * A subject access request in one action: every case where the person is the complainant (by email address or
 * name), with each case's record, history, read audit and documents (the bytes), as one zip. The export is itself
 * recorded: as a read of each case, on each case's history, and in the data protection log.
 */
export async function exportSubjectAccess(
  options: ExportSubjectAccessOptions,
): Promise<{ fileName: string; bytes: Buffer; references: string[] }> {
  const { deps, actor } = options;
  // Directors only: the export holds case content, which an admin (who runs the service) never sees (DESIGN §1).
  requireAnyRole(actor, ["Complaints.Direct"], "exporting what is held about a person");
  const cases = await findPersonCases(deps, { email: options.email, name: options.name });
  if (cases.length === 0) throw new AppError("NOT_FOUND", "No case names this person as the complainant.");
  const now = deps.clock.now();
  const zip = new JSZip();
  const index: string[] = [];
  for (const c of cases) {
    const folder = zip.folder(c.reference) as JSZip;
    const [documents, timeline, reads] = await Promise.all([
      deps.store.listDocuments(c.id),
      deps.store.listTimeline(c.id),
      deps.store.listReads(c.id),
    ]);
    folder.file("case.json", JSON.stringify(c, null, 2));
    folder.file("timeline.json", JSON.stringify(timeline, null, 2));
    folder.file("read-audit.json", JSON.stringify(reads, null, 2));
    folder.file(
      "documents.json",
      JSON.stringify(
        documents.map((d) => ({
          name: d.name,
          kind: d.kind,
          contentType: d.contentType,
          size: d.size,
          sha256: d.sha256,
          createdAt: d.createdAt,
        })),
        null,
        2,
      ),
    );
    for (const d of documents) folder.file(`documents/${d.name}`, await readAll(deps.blobs.open(d.sha256)));
    index.push(
      `${c.reference}: received ${formatUkLong(c.deemedReceivedOn)}, ${c.stage}, ${documents.length} document(s)`,
    );
  }
  const day = londonDateTime(now).date;
  zip.file(
    "README.txt",
    [
      "Subject access export — everything Redress holds about this person as a complainant.",
      `Made on ${formatUkLong(day)} by ${actor.name}.`,
      "",
      "Each folder is one complaint: case.json (the record), timeline.json (its history), read-audit.json (who",
      "opened it and when), documents.json and documents/ (every email, attachment and letter, as kept).",
      "",
      ...index,
      "",
    ].join("\r\n"),
  );
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const at = now.toISOString();
  await deps.store.recordReads(
    cases.map((c) => ({ caseId: c.id, actorId: actor.id, at, via: "subject-access-export" })),
  );
  await deps.store.transaction(async (tx) => {
    for (const c of cases) {
      await tx.appendTimeline({
        id: deps.newId(),
        caseId: c.id,
        at,
        actorId: actor.id,
        kind: "subject-access-export",
        summary: "Included in a subject access export.",
        data: {},
      });
    }
    await tx.appendDataProtectionLog({
      id: deps.newId(),
      at,
      actorId: actor.id,
      action: "subject-access-export",
      reference: null,
      closedOn: null,
      detail: `Subject access export of ${cases.length} case(s): ${cases.map((c) => c.reference).join(", ")}.`,
    });
  });
  return { fileName: `subject-access-${day}.zip`, bytes, references: cases.map((c) => c.reference) };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
