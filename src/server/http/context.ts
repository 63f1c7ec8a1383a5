import type { DevIdentityProvider } from "../adapters/identity/dev-identity-provider.js";
import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config/config.js";
import type { TokenVerifier } from "../ports/token-verifier.js";

/** What route modules need: the use cases' ports, settings, and how to check tokens. */
export interface HttpContext {
  deps: AppDeps;
  config: Config;
  verifier: TokenVerifier;
  /** Present only in embedded mode outside production. */
  devIdentity: DevIdentityProvider | null;
  /** Outbox backlog for /healthz. */
  outboxBacklog: () => Promise<number>;
}
