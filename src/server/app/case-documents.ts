import type { ComplaintCase, DocumentKind } from "../domain/case.js";
import { uniqueDocumentName } from "../domain/document-names.js";
import type { CaseStoreTransaction, DocumentRecord, OutboxJob } from "../ports/case-store.js";

export interface NewDocument {
  name: string;
  kind: DocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  note?: string | null;
}

/** The folder of a case in the document store: policy 1.3's F:/Directors/Complaints, one folder per case. */
export const caseFolder = (reference: string): string[] => ["Directors", "Complaints", reference];

/**
 * Records documents on a case inside the caller's transaction and returns the outbox jobs that file them into the
 * document store after commit. Names are made unique within the case folder.
 */
export async function addDocuments(options: {
  tx: CaseStoreTransaction;
  caseRecord: ComplaintCase;
  existingNames: Iterable<string>;
  documents: readonly NewDocument[];
  actorId: string;
  at: string;
  newId: () => string;
}): Promise<{ records: DocumentRecord[]; jobs: Array<Pick<OutboxJob, "kind" | "payload">> }> {
  const taken = new Set([...options.existingNames].map((n) => n.toLowerCase()));
  const records: DocumentRecord[] = [];
  for (const doc of options.documents) {
    const name = uniqueDocumentName(doc.name, taken);
    taken.add(name.toLowerCase());
    const record: DocumentRecord = {
      id: options.newId(),
      caseId: options.caseRecord.id,
      name,
      kind: doc.kind,
      contentType: doc.contentType,
      size: doc.size,
      sha256: doc.sha256,
      createdAt: options.at,
      createdBy: options.actorId,
      filedAt: null,
      webUrl: null,
      note: doc.note ?? null,
    };
    await options.tx.insertDocument(record);
    records.push(record);
  }
  return { records, jobs: records.map((r) => ({ kind: "file-document", payload: { documentId: r.id } })) };
}

/** Outbox jobs are written in the caller's transaction: they exist exactly when the change they belong to does. */
export async function enqueueJobs(options: {
  tx: CaseStoreTransaction;
  caseId: string;
  jobs: ReadonlyArray<Pick<OutboxJob, "kind" | "payload">>;
  at: string;
  newId: () => string;
}): Promise<void> {
  for (const job of options.jobs) {
    await options.tx.enqueue({
      id: options.newId(),
      kind: job.kind,
      caseId: options.caseId,
      payload: job.payload,
      createdAt: options.at,
    });
  }
}
