/**
 * Fills the manifest templates for one host. The ids are fixed (manifest/ids.json) so every package for the same
 * organisation is the same app; the Entra client id comes from set-up (a placeholder until then).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MANIFEST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ManifestValues {
  /** The host name the product is served from, e.g. "redress.cmsvoc.co.uk" (no scheme, no path). */
  host: string;
  appId: string;
  addinId: string;
  entraClientId: string;
}

/** Until set-up registers the Entra app: a GUID that is obviously not one. */
export const PLACEHOLDER_ENTRA_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

export async function defaultIds(): Promise<Pick<ManifestValues, "appId" | "addinId">> {
  return JSON.parse(await readFile(path.join(MANIFEST_DIR, "ids.json"), "utf8")) as Pick<
    ManifestValues,
    "appId" | "addinId"
  >;
}

/** "https://redress.example.com/" → "redress.example.com"; refuses anything but an https origin (or a bare host). */
export function hostFrom(value: string): string {
  const url = new URL(value.includes("://") ? value : `https://${value}`);
  if (url.protocol !== "https:") throw new Error(`The host must be served over https: ${value}`);
  if (url.pathname !== "/" || url.search || url.hash) throw new Error(`Give the host only, without a path: ${value}`);
  return url.host;
}

function fill(template: string, values: ManifestValues, encode: (s: string) => string): string {
  const map: Record<string, string> = {
    HOST: values.host,
    APP_ID: values.appId,
    ADDIN_ID: values.addinId,
    ENTRA_CLIENT_ID: values.entraClientId,
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => {
    const value = map[key];
    if (value === undefined) throw new Error(`Unknown placeholder ${whole}`);
    return encode(value);
  });
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function renderManifests(values: ManifestValues): Promise<{ json: Record<string, unknown>; xml: string }> {
  const [jsonTemplate, xmlTemplate] = await Promise.all([
    readFile(path.join(MANIFEST_DIR, "manifest.template.json"), "utf8"),
    readFile(path.join(MANIFEST_DIR, "addin.template.xml"), "utf8"),
  ]);
  const json = JSON.parse(fill(jsonTemplate, values, (s) => JSON.stringify(s).slice(1, -1))) as Record<string, unknown>;
  return { json, xml: fill(xmlTemplate, values, xmlEscape) };
}
