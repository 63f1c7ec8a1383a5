/** One thing the server needs in order to do its work (the database, Microsoft Graph), checked for /readyz. */
export interface ReadinessProbe {
  /** Short, stable name shown in /readyz: `database`, `graph`. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (with words safe to show an operator) when it does not. */
  check(): Promise<ProbeDetail>;
}

/** Figures a probe may report beside "ok": never personal data. */
export type ProbeDetail = Record<string, string | number | boolean | null>;
