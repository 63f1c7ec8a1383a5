import { createHash } from "node:crypto";
import { PERSONAS } from "../../src/server/adapters/identity/personas.js";
import type { GraphEmulator } from "../emulator/graph-emulator.js";

/** The Entra object id the emulator's tenant gives a development persona: stable, so tests can name it. */
export const personaOid = (persona: string): string =>
  `00000000-0000-4000-8000-${createHash("sha256").update(persona).digest("hex").slice(0, 12)}`;

/**
 * Access tokens for Redress as Entra would issue them to the personas signing in to the tab or the add-in (v2,
 * `access_as_user`, the persona's app roles), signed by the emulator's tenant; one per persona, kept.
 */
export function entraTokens(emulator: GraphEmulator): (persona: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (persona) => {
    let token = tokens.get(persona);
    if (!token) {
      const p = PERSONAS.find((x) => x.id === persona);
      token = emulator.issueToken({
        aud: emulator.options.clientId,
        iss: `${emulator.url}/${emulator.options.tenantId}/v2.0`,
        tid: emulator.options.tenantId,
        oid: personaOid(persona),
        name: p?.name,
        preferred_username: p?.email,
        scp: "access_as_user",
        roles: p?.roles,
        ver: "2.0",
      });
      tokens.set(persona, token);
    }
    return token;
  };
}
