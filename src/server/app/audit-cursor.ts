import { AppError } from "../domain/app-error.js";
import type { AuditEntry } from "../ports/case-store.js";

/** The keyset cursor of an audit page: the last entry's instant and id, opaque to clients. */
export const encodeAuditCursor = (last: Pick<AuditEntry, "at" | "id">): string =>
  Buffer.from(JSON.stringify([last.at, last.id]), "utf8").toString("base64url");

export function decodeAuditCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError("MALFORMED_REQUEST", "The page cursor is not one Redress gave; start again from the first page.");
}

/** A page of `limit` entries read as `limit + 1`: the extra one says whether there is a next page. */
export function auditPage(rows: AuditEntry[], limit: number): { entries: AuditEntry[]; nextCursor: string | null } {
  const entries = rows.slice(0, limit);
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
}
