/**
 * GET /addin/icon-{size}.png — the Outlook add-in's ribbon and store icons, which both manifests name by absolute
 * https URL. Served from manifest/icons/ (the same files the app package carries), never from user input.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../domain/app-error.js";

// src/server/http/routes and dist/server/http/routes are both four levels below the project root.
const ICONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../manifest/icons");
const SIZES = new Set(["16", "25", "32", "48", "64", "80", "128"]);

export function registerAddinIconRoutes(app: FastifyInstance): void {
  app.get<{ Params: { size: string } }>("/addin/icon-:size.png", async (request, reply) => {
    if (!SIZES.has(request.params.size)) throw new AppError("NOT_FOUND", "There is nothing at this address.");
    const png = await readFile(path.join(ICONS_DIR, `icon-${request.params.size}.png`));
    return reply
      .type("image/png")
      .header("cache-control", "public, max-age=86400")
      .header("x-content-type-options", "nosniff")
      .send(png);
  });
}
