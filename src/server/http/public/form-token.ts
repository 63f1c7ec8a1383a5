import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A form left open over lunch still works; one fetched yesterday does not. */
const MAX_AGE_MS = 12 * 3600_000;

export type FormTokenCheck = "ok" | "invalid" | "too-fast" | "expired";

/**
 * The public form's token: when the form was served, signed. A person takes some seconds to write a complaint; a
 * script that posts at once, or without ever fetching the form, is refused. The key is shared by every instance
 * (kept in the database), so a form served by one server can be sent to another.
 */
export class FormTokens {
  constructor(
    private readonly key: Buffer,
    private readonly minFillMs: number,
  ) {}

  static newKey(): string {
    return randomBytes(32).toString("base64url");
  }

  issue(now: Date): string {
    const body = `${now.getTime()}.${randomBytes(9).toString("base64url")}`;
    return `${body}.${this.sign(body)}`;
  }

  check(token: string, now: Date): FormTokenCheck {
    const parts = token.split(".");
    if (parts.length !== 3) return "invalid";
    const [issued, nonce, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${issued}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
    const age = now.getTime() - Number(issued);
    if (!Number.isFinite(age) || age < -60_000) return "invalid";
    if (age < this.minFillMs) return "too-fast";
    if (age > MAX_AGE_MS) return "expired";
    return "ok";
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(`redress-public-form:${body}`).digest("base64url");
  }
}
