/// <reference types="office-js" />
/**
 * Office.js itself, from Microsoft's CDN as Office requires. Kept apart from office-host.ts (and its chunk) so the
 * pane can start fetching it the moment its own script runs inside Outlook, alongside that chunk rather than after
 * it. Never called outside Outlook: the harness in a plain browser does not reach the internet.
 */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let loading: Promise<void> | null = null;

/** Loads Office.js once; resolves at once when it is already on the page. */
export function loadOfficeJs(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    if ((globalThis as { Office?: typeof Office }).Office) return resolve();
    const script = document.createElement("script");
    script.src = OFFICE_JS_URL;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Office.js could not be loaded"));
    document.head.appendChild(script);
  });
  return loading;
}
