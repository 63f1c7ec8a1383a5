/** Every failure the pane can meet gets plain words and an honest Try again — chosen by code, never by text. */
import { describe, expect, test } from "vitest";
import { MailboxError } from "../../../src/outlook/mailbox/mailbox-adapter.js";
import { describeFailure } from "../../../src/outlook/pane/failures.js";
import { ApiError } from "../../../src/web/api/client.js";

describe("describeFailure", () => {
  test.each([
    ["OFFLINE", 0, "Redress could not be reached", true],
    ["INTERNAL", 500, "Redress had a problem", true],
    ["FORBIDDEN", 403, "You do not have permission", true],
    ["UNAUTHENTICATED", 401, "You need to sign in again", true],
    ["PAYLOAD_TOO_LARGE", 413, "This email is too large", false],
    ["NOT_FOUND", 404, "That case is not available to you", false],
  ])("%s → %s", (code, status, title, canRetry) => {
    const failure = describeFailure(new ApiError(code, "server words", status as number));
    expect(failure.title).toBe(title);
    expect(failure.canRetry).toBe(canRetry);
  });

  test("branches on the code, not on the server's words", () => {
    const a = describeFailure(new ApiError("PAYLOAD_TOO_LARGE", "anything at all", 413));
    const b = describeFailure(new ApiError("PAYLOAD_TOO_LARGE", "Redress could not be reached", 413));
    expect(a).toEqual(b);
  });

  test("Outlook refusing to hand over the email suggests what to do in a shared mailbox", () => {
    const failure = describeFailure(new MailboxError("PERMISSION_DENIED", "x"));
    expect(failure.message).toContain("shared mailbox");
    expect(failure.canRetry).toBe(true);
  });
});
