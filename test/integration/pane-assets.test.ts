/**
 * How the task pane's scripts leave the server (the built product, `npm run build` first): compressed as the browser
 * asks (Brotli, else gzip, else as they are), the same bytes once decoded, cached for a year without revalidation
 * (every name carries a content hash), and marked as varying by Accept-Encoding so no cache mixes the forms.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, startTestServer, type TestServer } from "../support/start-server.js";

const WEB_ROOT = path.join(PROJECT_ROOT, "dist/web");

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that shows the bytes on the wire (fetch would decode them). */
function rawGet(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    request.on("error", reject);
  });
}

describe("task pane scripts on the wire", () => {
  let server: TestServer | undefined;
  let scripts: string[] = [];

  beforeAll(async () => {
    const html = await readFile(path.join(WEB_ROOT, "taskpane.html"), "utf8");
    scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? "");
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const baseUrl = (): string => {
    if (server === undefined) throw new Error("beforeAll did not start the server");
    return server.baseUrl;
  };

  it("sends each first-paint script compressed as asked, decoding to the very file, cached for a year", async () => {
    expect(scripts.length).toBeGreaterThan(0);
    let wire = 0;
    let raw = 0;
    for (const script of scripts) {
      const file = await readFile(path.join(WEB_ROOT, script));
      const br = await rawGet(`${baseUrl()}${script}`, "gzip, deflate, br");
      expect(br.status).toBe(200);
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(br.headers.vary).toMatch(/accept-encoding/i);

      const gz = await rawGet(`${baseUrl()}${script}`, "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).equals(file)).toBe(true);

      const plain = await rawGet(`${baseUrl()}${script}`);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(file)).toBe(true);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);

      wire += br.body.length;
      raw += file.length;
    }
    // Compression is worth having: the pane's first-paint scripts travel in well under half their size.
    expect(wire).toBeLessThan(raw / 2);
  });

  it("answers 404 for a script that is not there, compressed or not", async () => {
    expect((await rawGet(`${baseUrl()}/assets/does-not-exist.js`, "br")).status).toBe(404);
    expect((await rawGet(`${baseUrl()}/assets/does-not-exist.js`)).status).toBe(404);
  });
});
