import type { Directory } from "../ports/directory.js";

/** Names for the ids a response mentions, so clients can show people rather than ids. */
export async function peopleNamed(
  directory: Directory,
  ids: Iterable<string>,
): Promise<Record<string, { name: string }>> {
  const people: Record<string, { name: string }> = {};
  for (const id of new Set(ids)) {
    // What Redress records by itself (deliveries, "Board informed" when the card is posted) is not a person's act.
    if (id === "redress") {
      people[id] = { name: "Redress (automatic)" };
      continue;
    }
    const user = await directory.getUser(id);
    if (user) people[id] = { name: user.name };
  }
  return people;
}
