import fs from "node:fs";
import path from "node:path";
import { test } from "vitest";
import { PROJECT_ROOT, startTestServer } from "../support/start-server.js";
import { api, postEml } from "./api-client.js";

test("probe", async () => {
  const s = await startTestServer();
  const dir = path.resolve(PROJECT_ROOT, "../shared/reference/eml");
  for (const f of fs.readdirSync(dir).sort()) {
    const r = await postEml(s.baseUrl, "staff", path.join(dir, f));
    let docs = "";
    if (r.body.case) {
      const g = await api(s.baseUrl, "ops-director", "GET", `/api/cases/${r.body.case.id}`);
      docs = JSON.stringify(g.body.case.documents.map((d: any) => [d.name, d.kind, d.size, d.note]));
    }
    console.log(f, r.status, JSON.stringify(r.body).slice(0, 300), docs);
  }
  await s.stop();
}, 120000);
