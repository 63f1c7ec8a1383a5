import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { PersonView, ProcedureSettingsView } from "../../contracts/views.js";
import type { ApiClient } from "../../web/api/client.js";
import { clientFor, initialPersona, rememberPersona } from "./accounts.js";

export interface Me {
  id: string;
  name: string;
  roles: string[];
}

export interface Session {
  api: ApiClient;
  me: Me | null;
  persona: string;
  setPersona(persona: string): void;
  /** Everyone the pickers may offer, with their role lists. */
  people: { handlers: PersonView[]; directors: PersonView[]; boardMembers: PersonView[]; everyone: PersonView[] };
  settings: ProcedureSettingsView | null;
  /** Changes whenever the signed-in person changes, so views reload. */
  generation: number;
  hasRole(role: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

const noPeople: Session["people"] = { handlers: [], directors: [], boardMembers: [], everyone: [] };

/**
 * Sign-in and what every screen shares. Embedded mode signs in as a development persona (picked in the header);
 * the Microsoft 365 sign-in replaces the account manager here and nothing else.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [persona, setPersonaState] = useState(initialPersona);
  const api = useMemo(() => clientFor(persona), [persona]);
  const [me, setMe] = useState<Me | null>(null);
  const [people, setPeople] = useState(noPeople);
  const [settings, setSettings] = useState<ProcedureSettingsView | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setMe(null);
    const list = (role: string) => api.get<{ people: PersonView[] }>("/api/people", { query: { role } });
    Promise.all([
      api.get<{ me: Me }>("/api/me"),
      list("handler"),
      list("director"),
      list("board-member"),
      api.get<{ people: PersonView[] }>("/api/people"),
      api.get<ProcedureSettingsView>("/api/settings/procedure"),
    ])
      .then(([who, handlers, directors, boardMembers, everyone, procedure]) => {
        if (!live) return;
        setMe(who.me);
        setPeople({
          handlers: handlers.people,
          directors: directors.people,
          boardMembers: boardMembers.people,
          everyone: everyone.people,
        });
        setSettings(procedure);
        setGeneration((g) => g + 1);
      })
      .catch(() => {
        // The board shows the sign-in problem itself when its own request fails.
      });
    return () => {
      live = false;
    };
  }, [api]);

  const session = useMemo<Session>(
    () => ({
      api,
      me,
      persona,
      setPersona(next) {
        rememberPersona(next);
        setPersonaState(next);
      },
      people,
      settings,
      generation,
      hasRole: (role) => me?.roles.includes(role) ?? false,
    }),
    [api, me, persona, people, settings, generation],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** A person's name from the lists the session holds, else the id. */
export function usePersonName(): (id: string | null | undefined, named?: Record<string, { name: string }>) => string {
  const { people } = useSession();
  return (id, named) => {
    if (!id) return "—";
    return named?.[id]?.name ?? people.everyone.find((p) => p.id === id)?.name ?? id;
  };
}
