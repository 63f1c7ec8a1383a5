/**
 * `npm run validate` as a test: the unified manifest against the official schema bundled in @microsoft/app-manifest,
 * the XML manifest against the Office XSDs in ../shared (skipped with a message when absent). Each check is also
 * shown to catch a broken manifest, so a pass means something. And `npm run package` writes a zip Teams accepts.
 */

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { defaultIds, hostFrom, PLACEHOLDER_ENTRA_CLIENT_ID, renderManifests } from "../../../manifest/tools/render.js";
import { validateUnifiedManifest, validateXmlManifest, XSD_DIR } from "../../../manifest/tools/validate-manifests.js";
import { PROJECT_ROOT } from "../../support/start-server.js";

const values = async () => ({
  host: "redress.example.com",
  entraClientId: PLACEHOLDER_ENTRA_CLIENT_ID,
  ...(await defaultIds()),
});

describe("unified manifest", () => {
  test("is valid against the official schema, with the ribbon button, the tabs and the alternate", async () => {
    const v = await values();
    const { json } = await renderManifests(v);
    expect(await validateUnifiedManifest(json, v)).toEqual([]);
    const text = JSON.stringify(json);
    expect(text).toContain('"contexts":["mailRead"]');
    expect(text).toContain('"label":"Log as complaint"');
    expect(text).toContain('"type":"openPage"');
    expect(text).toContain('"contentUrl":"https://redress.example.com/tab"');
    expect(text).toContain('"configurationUrl":"https://redress.example.com/tab/config"');
    expect(text).not.toContain("{{");
  });

  test("declares shared folders and shared mailboxes (the XML's SupportsSharedFolders); a missing or misspelt one is caught", async () => {
    const v = await values();
    const { json } = await renderManifests(v);
    const granted = (json as { authorization: { permissions: { resourceSpecific: unknown[] } } }).authorization
      .permissions.resourceSpecific;
    expect(granted).toContainEqual({ name: "Mailbox.SharedFolder", type: "Delegated" });
    const without = structuredClone(json) as typeof json & {
      authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
    };
    without.authorization.permissions.resourceSpecific = [{ name: "Mailbox.ReadWrite.User", type: "Delegated" }];
    expect(await validateUnifiedManifest(without, v)).toEqual([
      "authorization.permissions.resourceSpecific must grant Mailbox.SharedFolder (Delegated)",
    ]);
    without.authorization.permissions.resourceSpecific.push({ name: "Mailbox.SharedFolders", type: "Delegated" });
    expect((await validateUnifiedManifest(without, v)).join("\n")).toContain(
      "unknown mailbox permission Mailbox.SharedFolders",
    );
  });

  test("a broken manifest is caught", async () => {
    const v = await values();
    const { json } = await renderManifests(v);
    const broken = structuredClone(json) as Record<string, unknown>;
    delete broken.accentColor;
    (broken.extensions as Array<{ ribbons: Array<{ contexts: string[] }> }>)[0]!.ribbons[0]!.contexts = ["mailReading"];
    const problems = await validateUnifiedManifest(broken, v);
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  test("only https hosts without a path are accepted", () => {
    expect(hostFrom("https://redress.example.com/")).toBe("redress.example.com");
    expect(hostFrom("redress.example.com:8443")).toBe("redress.example.com:8443");
    expect(() => hostFrom("http://redress.example.com")).toThrow(/https/);
    expect(() => hostFrom("https://redress.example.com/app")).toThrow(/path/);
  });
});

describe("XML add-in manifest", () => {
  if (!existsSync(XSD_DIR)) console.warn(`Skipping the XSD checks: ${XSD_DIR} is absent.`);

  test.skipIf(!existsSync(XSD_DIR))("is valid against the Office add-in XSDs", async () => {
    const { xml } = await renderManifests(await values());
    expect(await validateXmlManifest(xml)).toEqual({ checked: true, problems: [] });
    expect(xml).toContain('xsi:type="MessageReadCommandSurface"');
    expect(xml).toContain('xsi:type="VersionOverridesV1_1"');
    expect(xml).toContain("<SupportsSharedFolders>true</SupportsSharedFolders>");
  });

  test.skipIf(!existsSync(XSD_DIR))("a broken manifest is caught", async () => {
    const { xml } = await renderManifests(await values());
    const broken = xml.replace("<Permissions>ReadWriteMailbox</Permissions>", "<Permissions>Everything</Permissions>");
    const result = await validateXmlManifest(broken);
    expect(result.problems.length).toBeGreaterThan(0);
  });
});

describe("npm run package", () => {
  test("writes the app package zip and the XML manifest for the host", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "redress-package-"));
    try {
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "manifest/tools/package.ts", "--host", "https://complaints.cmsvoc.example", "--out", out],
        { cwd: PROJECT_ROOT },
      );
      const files = (await readdir(out)).sort();
      expect(files).toEqual([
        "redress-complaints.cmsvoc.example.zip",
        "redress-outlook-addin-complaints.cmsvoc.example.xml",
      ]);
      const zip = await JSZip.loadAsync(await readFile(path.join(out, files[0] ?? "")));
      expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
      const manifest = JSON.parse((await zip.file("manifest.json")?.async("string")) ?? "{}");
      expect(manifest.validDomains).toEqual(["complaints.cmsvoc.example"]);
      const xml = await readFile(path.join(out, files[1] ?? ""), "utf8");
      expect(xml).toContain("https://complaints.cmsvoc.example/taskpane.html?host=outlook");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
