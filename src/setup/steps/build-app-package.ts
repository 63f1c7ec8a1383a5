import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SetupContext } from "../context.js";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

async function digestOf(dir: string): Promise<string | null> {
  const names = await readdir(dir).catch(() => null);
  if (!names) return null;
  const hash = createHash("sha256");
  for (const name of names.sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  return hash.digest("hex");
}

/**
 * Builds the app package (Teams tab + Outlook add-in) and the XML add-in manifest for this host and client id with
 * the project's own builder (manifest/tools/package.ts, which validates both before writing). Its zip is
 * byte-for-byte the same for the same inputs, so a second run reports no change.
 */
export async function buildAppPackage(ctx: SetupContext): Promise<void> {
  const { args, report, found } = ctx;
  report.step("8. App package for Teams and Outlook");
  const out = path.resolve(args.out, "package");
  if (args.dryRun || !found.clientId) {
    report.note(`the app package is built into ${path.join(args.out, "package")} on a real run`);
    return;
  }
  const before = await digestOf(out);
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(PROJECT_ROOT, "manifest/tools/package.ts"),
        "--host",
        args.host,
        "--entra-client-id",
        found.clientId ?? "",
        "--out",
        out,
      ],
      { cwd: PROJECT_ROOT },
      (error, _stdout, stderr) => (error ? reject(new Error(`The app package was not built:\n${stderr}`)) : resolve()),
    );
  });
  const after = await digestOf(out);
  if (before === after) report.unchanged(`the app package in ${path.join(args.out, "package")} is up to date`);
  else
    report.changed(
      `build the app package into ${path.join(args.out, "package")} (upload it in Teams admin centre → Manage apps)`,
    );
}
