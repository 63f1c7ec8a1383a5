/**
 * Procedure settings as versions (issue 6.4): admins only, every rule checked with a clear message per field, and
 * each case keeps the version it was received under — changing the settings never moves an existing case's dates.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../../support/start-server.js";
import { api, type Json } from "../api-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const settingsNow = async (): Promise<Json> => (await api(server.baseUrl, "admin", "GET", "/api/admin/settings")).body;

/** A complaint by post received on Monday 2 November 2026 at 10:00 (GMT). */
const logLetter = async (subject: string): Promise<Json> => {
  // Logged by the Operations Director, who sees the whole case (policy version included) in the answer.
  const res = await api(server.baseUrl, "ops-director", "POST", "/api/cases", {
    channel: "post",
    subject,
    complainant: { name: "Sam Learner", email: "sam@example.org", relationship: "learner" },
    receivedAt: "2026-11-02T10:00:00Z",
  });
  expect(res.status).toBe(201);
  return res.body.case;
};

describe("settings versions", () => {
  test("only admins read or change the settings (403 for everyone else, 401 without a token)", async () => {
    for (const persona of ["staff", "handler", "ops-director", "director", "board-member"] as const) {
      expect((await api(server.baseUrl, persona, "GET", "/api/admin/settings")).body.error.code).toBe("FORBIDDEN");
      const put = await api(server.baseUrl, persona, "PUT", "/api/admin/settings", { basedOnVersion: 1, settings: {} });
      expect(put.status).toBe(403);
    }
    expect((await api(server.baseUrl, null, "GET", "/api/admin/settings")).status).toBe(401);
  });

  test("the first read shows the installed settings as version 1", async () => {
    const s = await settingsNow();
    expect(s.current.version).toBe(1);
    expect(s.current.settings.responseWorkingDays).toBe(10);
    expect(s.current.settings.retention).toEqual({ years: 6, action: "delete" });
    expect(s.current.settings.categories).toContain("Assessment and marking");
  });

  test("bad values are refused with every problem named by field, and nothing is saved", async () => {
    const { current } = await settingsNow();
    const bad = {
      ...current.settings,
      appealWindowWorkingDays: 0,
      closureDays: ["2026-12-24", "2026-02-30"],
      officeOpens: "17:00",
      officeCloses: "09:00",
      retention: { years: 2, action: "delete" },
      letterTemplates: {
        ...current.settings.letterTemplates,
        outcomeAppealRoute: "Appeal to {complaintsEmail} within {appealWindow} days.",
      },
    };
    const res = await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: bad,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    const byPath = Object.fromEntries(
      res.body.error.details.issues.map((i: Json) => [i.path.slice(1).join("."), i.message as string]),
    );
    expect(byPath.appealWindowWorkingDays).toBe("At least 1.");
    expect(byPath["closureDays.1"]).toBe("This is not a real date.");
    expect(byPath["retention.years"]).toBe("Keep complaints at least 3 years after closure.");
    expect(Object.keys(byPath)).toContain("letterTemplates.outcomeAppealRoute");
    const templateIssues = res.body.error.details.issues
      .filter((i: Json) => i.path.join(".") === "settings.letterTemplates.outcomeAppealRoute")
      .map((i: Json) => i.message);
    expect(templateIssues.join(" ")).toContain("Unknown placeholder {appealWindow}");
    expect(templateIssues.join(" ")).toContain("must state {appealDeadline}");
    expect((await settingsNow()).current.version).toBe(1);

    // The office hours rule is checked once the fields themselves are well formed.
    const hours = await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: { ...current.settings, officeOpens: "17:00", officeCloses: "09:00" },
    });
    expect(hours.body.error.details.issues).toEqual([
      { path: ["settings", "officeCloses"], message: "The office must close after it opens." },
    ]);
  });

  test("a case keeps the settings it was received under; a case received after the change gets the new ones", async () => {
    const before = await logLetter("Received under version 1");
    expect(before.policyVersion).toBe(1);
    expect(before.responseDueDate).toBe("2026-11-16");

    const { current } = await settingsNow();
    const saved = await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: {
        ...current.settings,
        responseWorkingDays: 15,
        closureDays: ["2026-11-03"],
        categories: [...current.settings.categories, "Work placements"],
        awardingOrganisations: [{ name: "NCFE", complaintsContact: "customersupport@ncfe.org.uk" }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(true);
    expect(saved.body.current.version).toBe(2);
    expect(saved.body.current.changedBy).toEqual({ id: "admin", name: "Alex Kim" });
    expect(saved.body.current.changes).toEqual(
      expect.arrayContaining([
        "Working days to respond: 10 → 15",
        "Closure days added: 2026-11-03",
        "Categories added: Work placements",
      ]),
    );
    expect(saved.body.history.map((v: Json) => v.version)).toEqual([2, 1]);

    const after = await logLetter("Received under version 2");
    expect(after.policyVersion).toBe(2);
    // 15 working days from Monday 2 November, skipping the closure day on the 3rd.
    expect(after.responseDueDate).toBe("2026-11-24");

    const reread = await api(server.baseUrl, "director", "GET", `/api/cases/${before.id}`);
    expect(reread.body.case.policyVersion).toBe(1);
    expect(reread.body.case.responseDueDate).toBe("2026-11-16");

    const procedure = await api(server.baseUrl, "handler", "GET", "/api/settings/procedure");
    expect(procedure.body.categories).toContain("Work placements");
    expect(procedure.body.awardingOrganisations).toEqual([
      { name: "NCFE", complaintsContact: "customersupport@ncfe.org.uk" },
    ]);
    expect(procedure.body.responseWorkingDays).toBe(15);
  });

  test("a save based on an older version is refused rather than overwriting someone else's change", async () => {
    const { current } = await settingsNow();
    const stale = await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version - 1,
      settings: { ...current.settings, acknowledgeWorkingDays: 3 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    const same = await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: current.settings,
    });
    expect(same.body.saved).toBe(false);
    expect(same.body.current.version).toBe(current.version);
  });

  test("the policy review reminder shows to admins and directors once the review date is near", async () => {
    const { current } = await settingsNow();
    const notYet = await api(server.baseUrl, "director", "GET", "/api/settings/policy-review");
    expect(notYet.body.reminder.due).toBe(false);
    await api(server.baseUrl, "admin", "PUT", "/api/admin/settings", {
      basedOnVersion: current.version,
      settings: { ...current.settings, policyReviewDate: "2020-01-31" },
    });
    const due = await api(server.baseUrl, "director", "GET", "/api/settings/policy-review");
    expect(due.body.reminder).toMatchObject({ due: true, overdue: true, reviewDate: "2020-01-31" });
    expect(due.body.reminder.message).toContain("31 January 2020");
    expect((await api(server.baseUrl, "handler", "GET", "/api/settings/policy-review")).body.reminder).toBeNull();
  });

  test("the settings routes are described in the OpenAPI document", async () => {
    const doc = (await api(server.baseUrl, null, "GET", "/api/openapi.json")).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/admin/settings",
        "/api/public/complaints",
        "/api/data-protection/erasure",
        "/api/data-protection/subject-access",
      ]),
    );
  });
});
