import type { DevIdentityProvider } from "../adapters/identity/dev-identity-provider.js";
import type { DevOutboxRecorder } from "../adapters/local/dev-outbox-recorder.js";
import type { Readiness } from "../app/check-readiness.js";
import type { AppDeps } from "../app/deps.js";
import type { Config } from "../config/config.js";
import type { MailboxReader } from "../ports/mailbox-reader.js";
import type { TokenVerifier } from "../ports/token-verifier.js";

/** What route modules need: the use cases' ports, settings, and how to check tokens. */
export interface HttpContext {
  deps: AppDeps;
  config: Config;
  verifier: TokenVerifier;
  /** Present only in embedded mode outside production. */
  devIdentity: DevIdentityProvider | null;
  /** Embedded mode's record of what would have been posted or sent (/dev/outbox); absent in Microsoft 365 mode. */
  devOutbox?: DevOutboxRecorder | null;
  /** Reads a person's email through Graph for older Outlook clients; absent in embedded mode. */
  mailboxReader?: MailboxReader | null;
  /** Outbox backlog for /healthz. */
  outboxBacklog: () => Promise<number>;
  /** The checks behind /readyz (database, outbox, Graph); 503 when absent. */
  readiness?: () => Promise<Readiness>;
}
