/**
 * The one way to link to a case in the Teams tab. The tab reads the case from `?case=` in a browser and from the
 * deep link's `subEntityId` inside Teams (the receiving side lives with the tab).
 */
export interface CaseLinkOptions {
  caseId: string;
  /** The Teams app id from the app manifest; without it the link opens the tab in a browser. */
  teamsAppId?: string | null;
  /** Origin of the browser link, e.g. "https://redress.example"; relative to the current page when absent. */
  origin?: string;
}

/** The static tab's entityId in the app manifest. */
export const COMPLAINTS_TAB_ENTITY_ID = "complaints";

export function caseLink({ caseId, teamsAppId, origin = "" }: CaseLinkOptions): string {
  if (!teamsAppId) return `${origin}/tab?case=${encodeURIComponent(caseId)}`;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: caseId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${COMPLAINTS_TAB_ENTITY_ID}?context=${context}`;
}
