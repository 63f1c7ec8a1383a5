/** `npm run validate`: checks both manifests offline, rendered for an example host. Exits 1 on any problem. */
import { defaultIds, PLACEHOLDER_ENTRA_CLIENT_ID, renderManifests } from "./render.js";
import { validateUnifiedManifest, validateXmlManifest, XSD_DIR } from "./validate-manifests.js";

const values = { host: "redress.example.com", entraClientId: PLACEHOLDER_ENTRA_CLIENT_ID, ...(await defaultIds()) };
const { json, xml } = await renderManifests(values);
const unified = await validateUnifiedManifest(json, values);
const addin = await validateXmlManifest(xml);

console.log(`Unified manifest (schema ${String(json.$schema)}): ${unified.length === 0 ? "valid" : "INVALID"}`);
for (const p of unified) console.log(`  - ${p}`);
if (addin.checked) {
  console.log(`XML add-in manifest (XSDs in ${XSD_DIR}): ${addin.problems.length === 0 ? "valid" : "INVALID"}`);
  for (const p of addin.problems) console.log(`  - ${p}`);
} else {
  console.log(`XML add-in manifest: NOT CHECKED — the XSDs are not at ${XSD_DIR}.`);
}
process.exitCode = unified.length > 0 || addin.problems.length > 0 || !addin.checked ? 1 : 0;
