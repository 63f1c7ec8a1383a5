import type { Directory } from "../ports/directory.js";

/** Names for the ids a response mentions, so clients can show people rather than ids. */
export async function peopleNamed(
  directory: Directory,
  ids: Iterable<string>,
): Promise<Record<string, { name: string }>> {
  const people: Record<string, { name: string }> = {};
  for (const id of new Set(ids)) {
    const user = await directory.getUser(id);
    if (user) people[id] = { name: user.name };
  }
  return people;
}
