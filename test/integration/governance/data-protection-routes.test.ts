/**
 * The data protection routes over HTTP against the built server: who may do what, the zip as a download, the
 * refusal to erase an open complaint, the retention run on demand and the log.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../../support/start-server.js";
import { api, tokenFor } from "../api-client.js";

let server: TestServer;
let caseId: string;
let reference: string;

beforeAll(async () => {
  server = await startTestServer();
  const created = await api(server.baseUrl, "ops-director", "POST", "/api/cases", {
    channel: "post",
    subject: "Late certificate",
    complainant: { name: "Quinn Example", email: "quinn@example.org", relationship: "learner" },
  });
  caseId = created.body.case.id;
  reference = created.body.case.reference;
});
afterAll(async () => {
  await server?.stop();
});

const postZip = async (persona: "director" | "handler", body: unknown) =>
  fetch(`${server.baseUrl}/api/data-protection/subject-access`, {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, persona)}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("data protection routes", () => {
  test("a director downloads the subject access export as one zip; a handler may not", async () => {
    expect((await postZip("handler", { email: "quinn@example.org" })).status).toBe(403);
    const res = await postZip("director", { email: "quinn@example.org" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining([`${reference}/case.json`, "README.txt"]));
    const reads = await api(server.baseUrl, "director", "GET", `/api/cases/${caseId}`);
    expect(reads.body.case.timeline.map((t: { kind: string }) => t.kind)).toContain("subject-access-export");
  });

  test("erasure is for admins, and an open complaint is refused until it is closed", async () => {
    const asDirector = await api(server.baseUrl, "director", "POST", "/api/data-protection/erasure", {
      email: "quinn@example.org",
      reason: "request",
    });
    expect(asDirector.status).toBe(403);
    const open = await api(server.baseUrl, "admin", "POST", "/api/data-protection/erasure", {
      caseId,
      reason: "request",
    });
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe("GUARD_NOT_MET");
    const both = await api(server.baseUrl, "admin", "POST", "/api/data-protection/erasure", {
      caseId,
      email: "quinn@example.org",
      reason: "request",
    });
    expect(both.status).toBe(422);
  });

  test("the retention schedule runs on demand and the log shows what was done, without personal data", async () => {
    const run = await api(server.baseUrl, "admin", "POST", "/api/data-protection/retention");
    expect(run.status).toBe(200);
    expect(run.body.retention).toMatchObject({ action: "delete", deleted: [], anonymised: [] });
    const log = await api(server.baseUrl, "admin", "GET", "/api/data-protection/log");
    expect(log.body.entries[0]).toMatchObject({ action: "subject-access-export", by: "Daniel Morgan" });
    expect(JSON.stringify(log.body)).not.toContain("quinn");
    expect((await api(server.baseUrl, "director", "GET", "/api/data-protection/log")).status).toBe(403);
  });
});
