import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { AppError } from "../domain/app-error.js";
import type { ReportDocument } from "../domain/governance/report-document.js";
import type { GovernanceDocumentRecord } from "../ports/governance-store.js";
import type { AppDeps } from "./deps.js";
import { FILE_GOVERNANCE_DOCUMENT } from "./file-governance-document.js";

/** Directors/Complaints/<…>: beside the case folders, as the policy's F:/Directors/Complaints. */
export const governanceFolder = (...rest: string[]): string[] => ["Directors", "Complaints", ...rest];

/**
 * Renders a governance document, keeps its bytes as a blob, and records it with the outbox job that files it into the
 * documents store — record and job in one transaction, so it is filed exactly when it exists.
 */
export async function saveGovernanceDocument(options: {
  deps: AppDeps;
  actorId: string;
  report: ReportDocument;
  kind: GovernanceDocumentRecord["kind"];
  folder: string[];
  meetingId: string | null;
}): Promise<GovernanceDocumentRecord> {
  const { deps } = options;
  if (!deps.reports) throw new AppError("NOT_AVAILABLE", "Reports cannot be written in this set-up.");
  const rendered = await deps.reports.render(options.report);
  const sha256 = createHash("sha256").update(rendered.bytes).digest("hex");
  const temp = deps.blobs.tempPath();
  await fs.writeFile(temp, rendered.bytes, { flag: "wx" });
  await deps.blobs.adopt(temp, sha256);
  const at = deps.clock.now().toISOString();
  const record: GovernanceDocumentRecord = {
    id: deps.newId(),
    kind: options.kind,
    folder: options.folder,
    name: rendered.fileName,
    contentType: rendered.contentType,
    size: rendered.bytes.length,
    sha256,
    meetingId: options.meetingId,
    createdAt: at,
    createdBy: options.actorId,
    filedAt: null,
    webUrl: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.insertGovernanceDocument(record);
    await tx.enqueue({
      id: deps.newId(),
      kind: FILE_GOVERNANCE_DOCUMENT,
      caseId: null,
      payload: { documentId: record.id },
      createdAt: at,
    });
  });
  deps.outbox.notify();
  return record;
}
