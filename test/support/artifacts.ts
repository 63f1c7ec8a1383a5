/**
 * Where tests leave files for people to look at (screenshots, traces): `.artifacts/` at the repository root,
 * ignored by git and kept by CI.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.artifacts");

/** The path of `name` under `.artifacts/` (e.g. `artifactPath("landing.png")`), creating its directory. */
export async function artifactPath(name: string): Promise<string> {
  const file = path.resolve(ARTIFACTS_DIR, name);
  if (!file.startsWith(ARTIFACTS_DIR + path.sep)) throw new Error(`Artifact name leaves .artifacts/: ${name}`);
  await mkdir(path.dirname(file), { recursive: true });
  return file;
}
