/**
 * The link to a case on cards, notices and letters' covering emails: a Teams deep link to the Redress tab when the
 * Teams app id is known (the tab opens on the case), else the server's own tab page.
 */
export function caseLink(options: { publicUrl: string; teamsAppId: string | null; caseId: string }): string {
  const { publicUrl, teamsAppId, caseId } = options;
  if (teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: caseId }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/board?context=${context}`;
  }
  return caseId ? `${publicUrl}/tab?case=${encodeURIComponent(caseId)}` : `${publicUrl}/tab`;
}
