import { InMemoryDocumentStore } from "../../src/server/adapters/fakes/in-memory-document-store.js";
import { documentStoreContract } from "./document-store.contract.js";

documentStoreContract("in memory", async () => ({ store: new InMemoryDocumentStore(), cleanup: async () => {} }));
