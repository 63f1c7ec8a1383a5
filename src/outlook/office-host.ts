/// <reference types="office-js" />
/**
 * Starting inside Outlook: Office.js is loaded only here, from Microsoft's CDN (as Office requires), so the harness
 * in a plain browser never reaches the internet. Resolves with the mailbox, or null when there is none.
 */

import type { MailboxAdapter } from "./mailbox/mailbox-adapter.js";
import { createOfficeMailbox } from "./mailbox/office-mailbox.js";

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Office.js could not be loaded"));
    document.head.appendChild(script);
  });
}

export async function startOffice(): Promise<MailboxAdapter | null> {
  const global = globalThis as { Office?: typeof Office };
  if (!global.Office) await loadScript(OFFICE_JS_URL);
  const office = global.Office;
  if (!office) return null;
  await office.onReady();
  return office.context?.mailbox ? createOfficeMailbox(office) : null;
}
