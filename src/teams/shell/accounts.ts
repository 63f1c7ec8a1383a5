import type { BoardHead } from "../../contracts/board-columns.js";
import { ApiClient } from "../../web/api/client.js";
import { createAccountManager, DeferredAccountManager } from "../../web/auth/create-account-manager.js";
import { fetchBoardHead } from "../board/fetch-board.js";

/**
 * One account manager and API client per persona for the page's life, so the sign-in made while the page's code
 * is still loading (see prefetchBoard) is the one the screens use.
 */
const clients = new Map<string, { client: ApiClient; accounts: DeferredAccountManager }>();

function signInFor(persona: string): { client: ApiClient; accounts: DeferredAccountManager } {
  let entry = clients.get(persona);
  if (!entry) {
    // Embedded mode: the persona; Microsoft 365: NAA when Teams recommends it, else Teams SSO (teams-js loads lazily,
    // so the board's first request is not held up by it).
    const accounts = new DeferredAccountManager(async () => {
      const teams = window.parent === window ? null : await import("@microsoft/teams-js");
      return createAccountManager({
        persona,
        naaSupported: () => teams?.nestedAppAuth.isNAAChannelRecommended() ?? false,
        ...(teams ? { hostSso: () => teams.authentication.getAuthToken() } : {}),
      });
    });
    entry = { client: new ApiClient(accounts), accounts };
    clients.set(persona, entry);
  }
  return entry;
}

export function clientFor(persona: string): ApiClient {
  return signInFor(persona).client;
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

let prefetched: { persona: string; head: Promise<BoardHead>; ready?: BoardHead } | null = null;

/** How long the page's code waits for the board's top before loading anyway (a slow sign-in or server). */
const HEAD_START_MS = 700;

/**
 * Asks for the top of the board (its counts and first cards, GET /api/board/head: quick to answer) as soon as the
 * page starts, before React and Fluent UI have loaded: the two overlap. The board asks for every card once it is up.
 *
 * Gives the request (`head`, for the first paint: tab.tsx) and `codeMayLoad`, which resolves once the board's top has
 * arrived and been painted, or after HEAD_START_MS: the caller loads the page's code then. Loaded sooner, its megabyte of JavaScript would be downloading and compiling while the server
 * answers, on the same cores (two, on the machines measured), and over HTTP/1.1 its dozen files would take all six
 * connections a browser opens to a server, queueing the sign-in and the board's request behind them: the first paint
 * would come later, for React to arrive barely sooner.
 */
export function prefetchBoard(persona: string): { head: Promise<BoardHead>; codeMayLoad: Promise<void> } {
  const { client } = signInFor(persona);
  const head = fetchBoardHead(client);
  head.catch(() => {
    // The board asks again and shows the error itself.
  });
  const entry: NonNullable<typeof prefetched> = { persona, head };
  prefetched = entry;
  head.then(
    (top) => {
      entry.ready = top;
    },
    () => undefined,
  );
  // A task later than the board's top, so its first paint (a microtask after it) comes before the code's requests.
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const codeMayLoad = Promise.race([
    head.then(nextTask, nextTask),
    new Promise<void>((resolve) => setTimeout(resolve, HEAD_START_MS)),
  ]);
  return { head, codeMayLoad };
}

/**
 * The prefetched top of the board for this persona if it has already arrived, once: the board's first render paints
 * it at once, with no render of a spinner first.
 */
export function takeArrivedHead(persona: string): BoardHead | null {
  const top = prefetched?.persona === persona ? prefetched.ready : undefined;
  if (top === undefined) return null;
  prefetched = null;
  return top;
}

/** The prefetched top of the board for this persona, once; null afterwards (later loads ask afresh). */
export function takePrefetchedHead(persona: string): Promise<BoardHead> | null {
  if (!prefetched || prefetched.persona !== persona) return null;
  const { head } = prefetched;
  prefetched = null;
  return head;
}
