import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TenantConfig } from "../../config/config.js";
import { EntraTokenVerifier } from "../identity/entra-token-verifier.js";
import { SignedInDirectory } from "../identity/signed-in-directory.js";
import { connectGraph, type GraphConnection } from "./connect-graph.js";
import { GraphActivityNotifier } from "./graph-activity-notifier.js";
import { GraphDirectory } from "./graph-directory.js";
import { GraphMailboxReader } from "./graph-mailbox-reader.js";
import { GraphMailer } from "./graph-mailer.js";
import { SharePointDocumentStore } from "./sharepoint-document-store.js";
import { WorkflowWebhookNotifier } from "./workflow-webhook-notifier.js";

export interface Microsoft365Adapters {
  graph: GraphConnection;
  documents: SharePointDocumentStore;
  verifier: EntraTokenVerifier;
  /** People by their app-role assignments (Graph), merged with what their last sign-in said. */
  directory: GraphDirectory;
  board: WorkflowWebhookNotifier;
  mailer: GraphMailer;
  activity: GraphActivityNotifier;
  mailboxReader: GraphMailboxReader;
}

/** The adapters of Microsoft 365 mode, sharing one msal-node client and one HTTPS transport. */
export async function openMicrosoft365(options: {
  tenant: TenantConfig;
  dataDir: string;
  /** How long to wait before looking for a send whose answer was lost. */
  unknownOutcomeWaitMs: number;
}): Promise<Microsoft365Adapters> {
  const { tenant } = options;
  const ca = tenant.extraCaFile ? await readFile(tenant.extraCaFile, "utf8") : undefined;
  const graph = connectGraph({
    tenantId: tenant.tenantId,
    clientId: tenant.clientId,
    ...(tenant.clientSecret ? { clientSecret: tenant.clientSecret } : {}),
    ...(tenant.clientCertificate ? { clientCertificate: tenant.clientCertificate } : {}),
    authorityHost: tenant.authorityHost,
    graphBaseUrl: tenant.graphBaseUrl,
    ...(ca ? { ca } : {}),
  });
  const signedIn = new SignedInDirectory(path.join(options.dataDir, "people.json"));
  const directory = new GraphDirectory({
    graph: graph.appGraph,
    tenantId: tenant.tenantId,
    clientId: tenant.clientId,
    signedIn,
  });
  const verifier = new EntraTokenVerifier({
    authorityHost: tenant.authorityHost,
    audiences: tenant.audiences,
    allowedTenants: tenant.allowedTenantIds,
    transport: graph.transport,
    onSignIn: (user) => signedIn.record(user),
  });
  const documents = new SharePointDocumentStore({
    graph: graph.appGraph,
    transport: graph.transport,
    driveId: tenant.driveId,
  });
  const board = new WorkflowWebhookNotifier({
    webhookUrl: tenant.workflowWebhookUrl,
    transport: graph.transport,
    graph: graph.appGraph,
    teamId: tenant.teamId,
    channelId: tenant.channelId,
    settleMs: options.unknownOutcomeWaitMs,
  });
  const mailer = new GraphMailer({
    graph: graph.appGraph,
    sharedMailbox: tenant.sharedMailbox,
    settleMs: options.unknownOutcomeWaitMs,
    transport: graph.transport, // letters over ~3 MB: draft + attachment upload session
  });
  const activity = new GraphActivityNotifier({ graph: graph.appGraph });
  const mailboxReader = new GraphMailboxReader({
    tokens: graph.tokens,
    transport: graph.transport,
    graphBaseUrl: tenant.graphBaseUrl,
  });
  return { graph, documents, verifier, directory, board, mailer, activity, mailboxReader };
}
