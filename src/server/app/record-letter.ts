import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { ComplaintCase } from "../domain/case.js";
import type { Letter } from "../domain/letters.js";
import type { CaseStoreTransaction, OutboxJob } from "../ports/case-store.js";
import { addDocuments } from "./case-documents.js";
import type { AppDeps } from "./deps.js";

/**
 * Keeps the letter a step produced as a document of the case (kind `letter`), in the step's own transaction, and
 * returns the job that files it into the case folder. Policy 1.3: all documentation is stored with the complaint.
 */
export async function recordLetter(options: {
  deps: AppDeps;
  tx: CaseStoreTransaction;
  caseRecord: ComplaintCase;
  letter: Letter;
  actorId: string;
}): Promise<Array<Pick<OutboxJob, "kind" | "payload">>> {
  const { deps, tx, caseRecord, letter } = options;
  const rendered = await deps.letters.render(letter);
  const bytes = rendered.bytes;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const temp = deps.blobs.tempPath();
  await fs.writeFile(temp, bytes, { flag: "wx" });
  await deps.blobs.adopt(temp, sha256);
  const { jobs } = await addDocuments({
    tx,
    caseRecord,
    existingNames: await tx.listDocumentNames(caseRecord.id),
    documents: [
      { name: rendered.fileName, kind: "letter", contentType: rendered.contentType, size: bytes.length, sha256 },
    ],
    actorId: options.actorId,
    at: deps.clock.now().toISOString(),
    newId: deps.newId,
  });
  return jobs;
}
