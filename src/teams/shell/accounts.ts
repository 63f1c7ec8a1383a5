import type { CaseBoardResponse } from "../../contracts/views.js";
import { ApiClient } from "../../web/api/client.js";
import { createAccountManager, DeferredAccountManager } from "../../web/auth/create-account-manager.js";
import { fetchBoard } from "../board/fetch-board.js";

/**
 * One account manager and API client per persona for the page's life, so the sign-in made while the page's code
 * is still loading (see prefetchBoard) is the one the screens use.
 */
const clients = new Map<string, ApiClient>();

export function clientFor(persona: string): ApiClient {
  let client = clients.get(persona);
  if (!client) {
    // Embedded mode: the persona; Microsoft 365: NAA when Teams recommends it, else Teams SSO (teams-js loads lazily,
    // so the board's first request is not held up by it).
    client = new ApiClient(
      new DeferredAccountManager(async () => {
        const teams = window.parent === window ? null : await import("@microsoft/teams-js");
        return createAccountManager({
          persona,
          naaSupported: () => teams?.nestedAppAuth.isNAAChannelRecommended() ?? false,
          ...(teams ? { hostSso: () => teams.authentication.getAuthToken() } : {}),
        });
      }),
    );
    clients.set(persona, client);
  }
  return client;
}

const PERSONA_KEY = "redress.tab.persona";
const DEFAULT_PERSONA = "ops-director";

/** `?persona=` first, then the last choice on this device, else the Operations Director. */
export function initialPersona(): string {
  const fromUrl = new URL(window.location.href).searchParams.get("persona");
  if (fromUrl) return fromUrl;
  try {
    return window.localStorage.getItem(PERSONA_KEY) ?? DEFAULT_PERSONA;
  } catch {
    return DEFAULT_PERSONA;
  }
}

export function rememberPersona(persona: string): void {
  try {
    window.localStorage.setItem(PERSONA_KEY, persona);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

let prefetched: { persona: string; board: Promise<CaseBoardResponse> } | null = null;

/**
 * Asks for the board as soon as the page starts, before React and Fluent UI have loaded: the two overlap, which is
 * most of the difference between a board usable in one second and in two.
 */
export function prefetchBoard(persona: string): void {
  const board = fetchBoard(clientFor(persona));
  board.catch(() => {
    // The board asks again and shows the error itself.
  });
  prefetched = { persona, board };
}

/** The prefetched board for this persona, once; null afterwards (later loads ask afresh). */
export function takePrefetchedBoard(persona: string): Promise<CaseBoardResponse> | null {
  if (!prefetched || prefetched.persona !== persona) return null;
  const { board } = prefetched;
  prefetched = null;
  return board;
}
