import type { Actor } from "../domain/roles.js";

/**
 * Turns a bearer access token into the signed-in person, or throws AppError UNAUTHENTICATED. The development
 * identity provider and Entra ID each have an adapter; the auth hook is the same for both.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}
