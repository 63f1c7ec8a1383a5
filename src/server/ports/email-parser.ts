/** What intake needs from a parsed email. The adapter (mailparser) streams attachments to temporary files. */
export interface ParsedAddress {
  name: string | null;
  address: string | null;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  tempPath: string;
  inline: boolean;
  contentId: string | null;
}

export interface ParsedEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: ParsedAddress | null;
  to: ParsedAddress[];
  cc: ParsedAddress[];
  date: Date | null;
  topReceivedAt: Date | null;
  text: string | null;
  html: string | null;
  /** Identifies the content, ignoring transport headers: the same email delivered twice has the same key. */
  contentKey: string;
  attachments: ParsedAttachment[];
}

export type EmailParser = (options: { path: string; tempDir: string }) => Promise<ParsedEmail>;
