/**
 * The baseline for create-case throughput: a bare Fastify 5 server on loopback that parses the same JSON body and
 * answers {ok:true}. No auth, no validation, no database. Run as a child process by run.ts; prints
 * `{"port":N}` on its first line of output once listening, and stops on SIGTERM.
 */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.post("/api/cases", async () => ({ ok: true }));

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
process.once("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});
