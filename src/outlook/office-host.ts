/// <reference types="office-js" />
/**
 * Starting inside Outlook: waits for Office.js (loadOfficeJs, started by the page as early as it can) and its
 * onReady, then gives the mailbox. Resolves with the mailbox, or null when there is none.
 */

import type { MailboxAdapter } from "./mailbox/mailbox-adapter.js";
import { createOfficeMailbox } from "./mailbox/office-mailbox.js";
import { loadOfficeJs } from "./office-script.js";

export async function startOffice(officeJs: Promise<void> = loadOfficeJs()): Promise<MailboxAdapter | null> {
  await officeJs;
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office) return null;
  await office.onReady();
  return office.context?.mailbox ? createOfficeMailbox(office) : null;
}
