/**
 * "This reads like a complaint": measured on real complaint narratives (CFPB sample, read from ../shared when
 * present) and on ordinary business emails written for the project. Targets: flags ≥ 90 % of complaints and
 * ≤ 10 % of ordinary emails; and it always says why.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { suggestCategory } from "../../../src/web/complaint-signals/categories.js";
import { readComplaintSignals } from "../../../src/web/complaint-signals/classify.js";
import { BUSINESS_EMAILS } from "../../fixtures/business-emails.js";
import { PROJECT_ROOT } from "../../support/start-server.js";

const CFPB = path.resolve(PROJECT_ROOT, "../shared/reference/cfpb-complaints-sample-200.csv");

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe("complaint signals", () => {
  test.skipIf(!fs.existsSync(CFPB))("flags at least 90 % of real complaint narratives", () => {
    const [header, ...rows] = parseCsv(fs.readFileSync(CFPB, "utf8"));
    const column = header?.indexOf("Consumer complaint narrative") ?? -1;
    const narratives = rows.map((r) => r[column] ?? "").filter((n) => n.trim() !== "");
    expect(narratives.length).toBeGreaterThanOrEqual(100);
    const flagged = narratives.filter((n) => readComplaintSignals(n).readsLikeComplaint).length;
    const rate = flagged / narratives.length;
    console.info(
      `complaint signals: flagged ${flagged}/${narratives.length} CFPB narratives (${(rate * 100).toFixed(1)} %)`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
  if (!fs.existsSync(CFPB)) console.warn(`Skipping the CFPB measurement: ${CFPB} is absent.`);

  test("flags at most 10 % of at least 50 ordinary business emails", () => {
    expect(BUSINESS_EMAILS.length).toBeGreaterThanOrEqual(50);
    const flagged = BUSINESS_EMAILS.filter((e) => readComplaintSignals(e).readsLikeComplaint);
    console.info(`complaint signals: flagged ${flagged.length}/${BUSINESS_EMAILS.length} ordinary emails`);
    expect(flagged.length / BUSINESS_EMAILS.length).toBeLessThanOrEqual(0.1);
  });

  test("says why: the phrases that triggered it, as written", () => {
    const reading = readComplaintSignals(
      "I am very disappointed. Three weeks later I have still not received my certificate. This is unacceptable.",
    );
    expect(reading.readsLikeComplaint).toBe(true);
    const phrases = reading.signals.flatMap((s) => s.phrases);
    expect(phrases).toEqual(expect.arrayContaining(["disappointed", "still not", "unacceptable"]));
    expect(reading.signals.every((s) => s.reason.length > 0)).toBe(true);
  });

  test("is not fooled by 'no problem' or 'let me know if there are any issues'", () => {
    expect(
      readComplaintSignals("No problem at all — let me know if there are any issues with the booking.")
        .readsLikeComplaint,
    ).toBe(false);
  });

  test("suggests a category from the email's subject matter", () => {
    expect(suggestCategory("My assessment result was marked wrongly")).toBe("Assessment and results");
    expect(suggestCategory("The trainer was rude to us")).toBe("Staff conduct");
    expect(suggestCategory("Hello")).toBe("Other");
  });
});
