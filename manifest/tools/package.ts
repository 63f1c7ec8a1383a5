/**
 * `npm run package -- --host https://redress.example.com [--entra-client-id <guid>] [--out dist/package]`
 * Writes, for that host: the app package (manifest.json + icons, zipped) to sideload in Teams / Microsoft 365 —
 * which brings the Outlook add-in and the Teams tab — and the XML add-in manifest for Outlook on Mac and mobile.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import JSZip from "jszip";
import { defaultIds, hostFrom, MANIFEST_DIR, PLACEHOLDER_ENTRA_CLIENT_ID, renderManifests } from "./render.js";
import { validateUnifiedManifest, validateXmlManifest } from "./validate-manifests.js";

const { values: args } = parseArgs({
  options: {
    host: { type: "string" },
    "entra-client-id": { type: "string" },
    out: { type: "string", default: "dist/package" },
  },
});
if (!args.host) {
  console.error("Give the host: npm run package -- --host https://redress.example.com");
  process.exit(2);
}

const values = {
  host: hostFrom(args.host),
  entraClientId: args["entra-client-id"] ?? PLACEHOLDER_ENTRA_CLIENT_ID,
  ...(await defaultIds()),
};
const { json, xml } = await renderManifests(values);

// Never hand out a package that would be refused: validate what was just rendered.
const problems = [...(await validateUnifiedManifest(json, values)), ...(await validateXmlManifest(xml)).problems];
if (problems.length > 0) {
  console.error(`The manifests for ${values.host} are not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

const zip = new JSZip();
// A fixed date: the same inputs make the same zip.
const date = new Date("2026-01-01T00:00:00Z");
zip.file("manifest.json", `${JSON.stringify(json, null, 2)}\n`, { date });
zip.file("color.png", await readFile(path.join(MANIFEST_DIR, "icons/color.png")), { date });
zip.file("outline.png", await readFile(path.join(MANIFEST_DIR, "icons/outline.png")), { date });
const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

const out = path.resolve(args.out ?? "dist/package");
await mkdir(out, { recursive: true });
const zipPath = path.join(out, `redress-${values.host.replace(/[^a-z0-9.-]/gi, "_")}.zip`);
const xmlPath = path.join(out, `redress-outlook-addin-${values.host.replace(/[^a-z0-9.-]/gi, "_")}.xml`);
await writeFile(zipPath, bytes);
await writeFile(xmlPath, xml);
console.log(`App package (Teams tab + Outlook add-in): ${path.relative(process.cwd(), zipPath)}`);
console.log(`XML add-in manifest (Outlook on Mac and mobile): ${path.relative(process.cwd(), xmlPath)}`);
if (values.entraClientId === PLACEHOLDER_ENTRA_CLIENT_ID) {
  console.log("Note: no --entra-client-id given; webApplicationInfo holds a placeholder until the Entra app exists.");
}
