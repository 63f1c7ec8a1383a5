/**
 * Offline validation of both manifests, rendered for a host:
 * - the unified manifest against the official Teams schema bundled in @microsoft/app-manifest (the version its
 *   `$schema` names), plus the icon files' sizes and the rules the schema cannot say (one extension, the alternate
 *   pointing at the XML add-in's Id);
 * - the XML manifest against the Office add-in XSDs in ../shared/schemas/office-addin-xml-manifest. The official set
 *   does not compile with libxml2 (a missing import, a pattern libxml2 rejects), so the `stella-reconstructed` set,
 *   derived from it, is used: structure, element order, types and enumerations are checked. Elements newer than
 *   those XSDs (SupportsSharedFolders) are checked for their place and removed before the XSD check.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { AppManifestUtils, type TeamsManifest } from "@microsoft/app-manifest";
import { validateXML } from "xmllint-wasm";
import { pngSize } from "./png.js";
import { MANIFEST_DIR, type ManifestValues } from "./render.js";

export const XSD_DIR = path.resolve(
  MANIFEST_DIR,
  "../../shared/schemas/office-addin-xml-manifest/stella-reconstructed",
);
const XSD_FILES = [
  "OfficeAppManifestV1_1.xsd",
  "OfficeAppBasicTypesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
];

/** The schema file @microsoft/app-manifest bundles for a `$schema` URL, read from disk: nothing is fetched. */
async function bundledSchema(schemaUrl: string): Promise<object> {
  const match = /\/json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match) throw new Error(`Not a Teams manifest schema URL: ${schemaUrl}`);
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = path.join(packageDir, "build/json-schemas/teams", match[1] ?? "", "MicrosoftTeams.schema.json");
  return JSON.parse(await readFile(file, "utf8")) as object;
}

export async function validateUnifiedManifest(
  json: Record<string, unknown>,
  values: ManifestValues,
): Promise<string[]> {
  const schema = await bundledSchema(String(json.$schema));
  const problems = await AppManifestUtils.validateAgainstSchema(
    json as unknown as TeamsManifest,
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  const manifest = json as {
    icons: { color: string; outline: string };
    extensions?: Array<{ alternates?: Array<{ hide?: { customOfficeAddin?: { officeAddinId?: string } } }> }>;
  };
  const expectSize = async (file: string, size: number) => {
    const { width, height } = pngSize(await readFile(path.join(MANIFEST_DIR, "icons", file)));
    if (width !== size || height !== size) problems.push(`${file} is ${width}×${height}, not ${size}×${size}`);
  };
  await expectSize(manifest.icons.color, 192);
  await expectSize(manifest.icons.outline, 32);
  for (const size of [16, 32, 80]) await expectSize(`icon-${size}.png`, size);
  const hidden = manifest.extensions?.[0]?.alternates?.[0]?.hide?.customOfficeAddin?.officeAddinId;
  if (hidden !== values.addinId) problems.push("extensions[0].alternates must hide the XML add-in by its Id");
  problems.push(...addinPermissionProblems(json));
  return problems;
}

/**
 * The schema takes any string as a resource-specific permission's name, so a misspelt one would pass it silently.
 * The Outlook add-in needs read/write mailbox (the "Complaint" category) and shared folders/mailboxes — the unified
 * manifest's equivalent of the XML `<SupportsSharedFolders>true` (learn.microsoft.com: "Implement shared folders and
 * shared mailbox scenarios in an Outlook add-in").
 */
const ADDIN_PERMISSIONS = ["Mailbox.ReadWrite.User", "Mailbox.SharedFolder"] as const;
const KNOWN_MAILBOX_PERMISSIONS = new Set([
  "MailboxItem.Read.User",
  "MailboxItem.ReadWrite.User",
  "Mailbox.ReadWrite.User",
  "Mailbox.SharedFolder",
]);

function addinPermissionProblems(json: Record<string, unknown>): string[] {
  const granted =
    (json as { authorization?: { permissions?: { resourceSpecific?: Array<{ name: string; type: string }> } } })
      .authorization?.permissions?.resourceSpecific ?? [];
  const problems: string[] = [];
  for (const name of ADDIN_PERMISSIONS) {
    if (!granted.some((p) => p.name === name && p.type === "Delegated")) {
      problems.push(`authorization.permissions.resourceSpecific must grant ${name} (Delegated)`);
    }
  }
  for (const p of granted) {
    if (p.name.startsWith("Mailbox") && !KNOWN_MAILBOX_PERMISSIONS.has(p.name)) {
      problems.push(`authorization.permissions.resourceSpecific: unknown mailbox permission ${p.name}`);
    }
  }
  return problems;
}

/**
 * Elements newer than the XSDs (they predate Mailbox 1.13): each is checked here for its place, then removed before
 * the XSD check, which would otherwise refuse what Outlook accepts.
 */
const NEWER_ELEMENTS: ReadonlyArray<{ element: RegExp; placement: RegExp; rule: string }> = [
  {
    element: /\s*<SupportsSharedFolders>true<\/SupportsSharedFolders>/g,
    placement: /<DesktopFormFactor>\s*(?:<!--[\s\S]*?-->\s*)?<SupportsSharedFolders>true<\/SupportsSharedFolders>/,
    rule: "SupportsSharedFolders must be the first element of DesktopFormFactor",
  },
];

export async function validateXmlManifest(xml: string): Promise<{ checked: boolean; problems: string[] }> {
  if (!existsSync(XSD_DIR)) return { checked: false, problems: [] };
  const placementProblems: string[] = [];
  for (const newer of NEWER_ELEMENTS) {
    if (newer.element.test(xml) && !newer.placement.test(xml)) placementProblems.push(newer.rule);
    newer.element.lastIndex = 0;
    xml = xml.replace(newer.element, "");
  }
  const [main, ...preload] = await Promise.all(
    XSD_FILES.map(async (fileName) => ({ fileName, contents: await readFile(path.join(XSD_DIR, fileName), "utf8") })),
  );
  if (!main) throw new Error("No main XSD");
  const result = await validateXML({ xml: [{ fileName: "addin.xml", contents: xml }], schema: [main], preload });
  return { checked: true, problems: [...placementProblems, ...result.errors.map((e) => e.rawMessage)] };
}
