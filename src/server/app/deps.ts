import type { BlobStore } from "../ports/blob-store.js";
import type { CaseStore } from "../ports/case-store.js";
import type { Clock } from "../ports/clock.js";
import type { Directory } from "../ports/directory.js";
import type { DocumentStore } from "../ports/document-store.js";
import type { EmailParser } from "../ports/email-parser.js";
import type { LetterRenderer } from "../ports/letter-renderer.js";
import type { OutboxSignal } from "../ports/outbox-signal.js";
import type { PolicySource } from "../ports/policy-source.js";

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
  parseEmail: EmailParser;
  letters: LetterRenderer;
}
