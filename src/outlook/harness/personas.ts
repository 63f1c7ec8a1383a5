import type { TDevTokenRequest } from "../../contracts/api.js";

/**
 * The development personas, checked against the contracts at compile time (a missing or unknown one fails to build)
 * without bringing zod into the browser.
 */
export const PERSONAS = Object.keys({
  staff: true,
  "staff-2": true,
  handler: true,
  "handler-2": true,
  "ops-director": true,
  director: true,
  "director-2": true,
  "board-member": true,
  "board-member-2": true,
  admin: true,
} satisfies Record<TDevTokenRequest["persona"], true>);
