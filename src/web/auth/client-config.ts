/** GET /api/client-config: what the server says a front end needs to sign in. Public, no secrets. */
export type TClientConfig =
  | { mode: "embedded"; devSignIn: boolean }
  | { mode: "microsoft365"; tenantId: string; clientId: string; apiScope: string; teamsAppId: string | null };

export async function fetchClientConfig(baseUrl = ""): Promise<TClientConfig> {
  const response = await fetch(`${baseUrl}/api/client-config`);
  if (!response.ok) throw new Error(`Could not read the sign-in settings (${response.status}).`);
  return (await response.json()) as TClientConfig;
}
