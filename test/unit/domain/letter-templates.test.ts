import { describe, expect, test } from "vitest";
import { letterBlockProblems } from "../../../src/server/domain/letter-templates.js";
import { acknowledgementLetter, outcomeLetter } from "../../../src/server/domain/letters.js";
import { DEFAULT_SETTINGS } from "../../../src/server/domain/settings.js";
import { outcomeSentCase, receivedCase } from "./builders.js";

describe("letter templates", () => {
  test("a case received before templates existed reads exactly as before", () => {
    const letter = acknowledgementLetter(receivedCase(), new Date("2026-11-03T10:00:00Z"));
    expect(letter.text).toContain(
      "Your complaint will be investigated and we will respond to you in writing by 16 November 2026, within 10 working days.",
    );
    expect(outcomeLetter(outcomeSentCase()).text).toContain("Your appeal must reach us by 27 November 2026");
  });

  test("a case keeps the wording of the settings it was received under, with the facts filled in", () => {
    const c = outcomeSentCase();
    const worded = {
      ...c,
      policy: {
        ...c.policy,
        letterTemplates: {
          ...DEFAULT_SETTINGS.letterTemplates,
          outcomeAppealRoute:
            "Write to {complaintsEmail} by {appealDeadline} quoting {reference} if you wish to appeal.",
        },
      },
    };
    expect(outcomeLetter(worded).text).toContain(
      `Write to info@cmsvoc.co.uk by 27 November 2026 quoting ${c.reference} if you wish to appeal.`,
    );
  });

  test("unknown placeholders and missing required facts are named", () => {
    expect(letterBlockProblems("outcomeAppealRoute", "Appeal by {appealDeadline}.")).toEqual([]);
    expect(letterBlockProblems("outcomeAppealRoute", "Appeal by {deadline} to {complaintsEmail}.")).toEqual([
      expect.stringContaining("Unknown placeholder {deadline}"),
      "The letter must state {appealDeadline}.",
    ]);
    expect(letterBlockProblems("acknowledgementBody", "Thanks.")).toEqual(["The letter must state {responseDueDate}."]);
  });
});
