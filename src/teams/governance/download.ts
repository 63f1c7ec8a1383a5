import type { ApiClient } from "../../web/api/client.js";

/** Downloads an API file (CSV, .docx) with the signed-in person's token, under its own name. */
export async function downloadFile(api: ApiClient, path: string, name: string): Promise<void> {
  const response = await api.fetchRaw(path);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A year back and a day on from today: the default period of the Reports view. */
export function yearBefore(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
