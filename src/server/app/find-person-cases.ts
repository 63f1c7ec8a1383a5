import { londonDateTime } from "../domain/calendar/plain-date.js";
import type { ComplaintCase } from "../domain/case.js";
import type { AppDeps } from "./deps.js";

/**
 * Every case where this person is the complainant, by email address or by name (exact, ignoring case and spacing).
 * For data protection requests: it looks across every case, whoever may see them, so only the use cases that
 * check the admin's (or director's) role call it.
 */
export async function findPersonCases(
  deps: AppDeps,
  person: { email?: string | null; name?: string | null },
): Promise<ComplaintCase[]> {
  const email = person.email?.trim().toLowerCase() || null;
  const name = normaliseName(person.name);
  const needle = email ?? name;
  if (!needle) return [];
  const today = londonDateTime(deps.clock.now()).date;
  const found: ComplaintCase[] = [];
  let cursor: string | undefined;
  do {
    // The search text holds the complainant's name and address in lower case: a coarse filter, checked exactly below.
    const page = await deps.store.listCases({
      scope: { all: true },
      q: needle,
      today,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.cases) {
      const byEmail = email !== null && c.complainant.email?.trim().toLowerCase() === email;
      const byName = name !== null && normaliseName(c.complainant.name) === name;
      if (byEmail || byName) found.push(c);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

const normaliseName = (value: string | null | undefined): string | null =>
  value?.trim().replace(/\s+/g, " ").toLowerCase() || null;
