import type { AuditEntryView } from "../../contracts/audit.js";

/** How a case was read, in plain words (the server records the route: `case`, `board`, `document:<id>`, …). */
const READ_WORDS: Record<string, string> = {
  case: "Opened the case",
  list: "Saw it in the case list",
  board: "Saw its card on the board",
  document: "Downloaded a document",
  email: "Read the complaint email",
  audit: "Viewed this audit trail",
  lookup: "Checked from Outlook whether the email was logged",
  outlook: "Saw it in Outlook (Add to case)",
  "letter-preview": "Previewed a letter",
  deliveries: "Saw it in failed deliveries",
  "intake-duplicate": "Logged the same email again and was shown this case",
};

const ACCESS_WORDS: Record<string, string> = {
  "audit-search": "Searched the audit trail",
};

/** One entry as a sentence: reads and accesses from the tables above, changes by their own summary. */
export function auditWhat(entry: AuditEntryView): string {
  if (entry.type === "change") return entry.summary ?? entry.how;
  const [route] = entry.how.split(":");
  if (entry.type === "read") return READ_WORDS[route ?? ""] ?? `Read it (${entry.how})`;
  return ACCESS_WORDS[entry.how] ?? entry.how;
}

export const AUDIT_TYPE_WORDS: Record<AuditEntryView["type"], string> = {
  read: "Read",
  change: "Change",
  access: "Audit or export",
};
