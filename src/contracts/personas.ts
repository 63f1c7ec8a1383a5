// Kept apart from api.ts (zod schemas): the tab's persona picker needs this list, not the validation library.

/** The fixed personas of embedded mode (DESIGN.md §4); their id is the name. */
export const PERSONA_NAMES = [
  "staff",
  "staff-2",
  "handler",
  "handler-2",
  "ops-director",
  "director",
  "director-2",
  "board-member",
  "board-member-2",
  "admin",
] as const;
