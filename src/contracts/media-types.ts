/**
 * Media types shared by server and clients, in a module without zod so the task pane can import it without pulling
 * the schemas into its first paint.
 */

/** An Outlook item reference (ZOutlookItemRef) where the route also takes a raw message or its parts. */
export const OUTLOOK_ITEM_MEDIA_TYPE = "application/vnd.redress.outlook-item+json";
