import type { BlobStore } from "../ports/blob-store.js";
import type { CaseStore } from "../ports/case-store.js";
import type { Clock } from "../ports/clock.js";
import type { Directory } from "../ports/directory.js";
import type { DocumentStore } from "../ports/document-store.js";
import type { EmailEnvelopeReaderFactory, EmailParser } from "../ports/email-parser.js";
import type { LetterRenderer } from "../ports/letter-renderer.js";
import type { OutboxSignal } from "../ports/outbox-signal.js";
import type { PolicySource } from "../ports/policy-source.js";
import type { ReportRenderer } from "../ports/report-renderer.js";

/** The ports every use case may reach. Built once in the composition root (main.ts); fakes in tests. */
export interface AppDeps {
  store: CaseStore;
  blobs: BlobStore;
  documents: DocumentStore;
  clock: Clock;
  directory: Directory;
  policy: PolicySource;
  outbox: OutboxSignal;
  newId: () => string;
  /** The full parse (body, attachments): for the extraction job, off the request path. */
  parseEmail: EmailParser;
  /** Reads an email's envelope while it streams in: all intake needs to log the case. */
  emailEnvelope: EmailEnvelopeReaderFactory;
  letters: LetterRenderer;
  /** Governance documents (meeting agenda, annual report); absent where a composition does not need them. */
  reports?: ReportRenderer;
  /** The address complainants reach Redress at (survey links in letters); absent: letters carry no survey link. */
  publicUrl?: string;
}
