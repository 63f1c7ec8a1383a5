import type { SetupContext } from "../context.js";
import { isNotFound } from "../context.js";

const FOLDERS = ["Directors", "Complaints"];

/**
 * The complaints document library on the complaints site (created when missing) and its `Directors/Complaints`
 * folder. Graph cannot break permission inheritance on a folder: the README says how to restrict the library.
 */
export async function ensureLibrary(ctx: SetupContext): Promise<void> {
  const { graph, args, report, found } = ctx;
  report.step(`3. Document library "${args.library}" on ${args.site}`);
  const [host, ...rest] = args.site.split("/");
  const site = (await graph
    .api(`/sites/${host}:/${rest.join("/")}`)
    .select("id,webUrl")
    .get()) as { id: string };
  found.siteId = site.id;
  report.unchanged(`the site exists (${site.id})`);
  const drives = (await graph.api(`/sites/${site.id}/drives`).select("id,name").get()) as {
    value: Array<{ id: string; name: string }>;
  };
  let drive = drives.value.find((d) => d.name === args.library);
  if (drive) {
    report.unchanged(`the library "${args.library}" exists`);
  } else {
    report.changed(`create the document library "${args.library}"`);
    if (args.dryRun) return;
    const list = (await graph
      .api(`/sites/${site.id}/lists`)
      .post({ displayName: args.library, list: { template: "documentLibrary" } })) as { id: string };
    drive = (await graph.api(`/sites/${site.id}/lists/${list.id}/drive`).get()) as { id: string; name: string };
  }
  found.driveId = drive.id;
  for (let n = 1; n <= FOLDERS.length; n += 1) {
    const folder = FOLDERS.slice(0, n).join("/");
    try {
      await graph.api(`/drives/${drive.id}/root:/${folder}`).get();
      report.unchanged(`the folder ${folder} exists`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      report.changed(`create the folder ${folder}`);
      if (args.dryRun) continue;
      const parent = n === 1 ? "root" : `root:/${FOLDERS.slice(0, n - 1).join("/")}:`;
      await graph
        .api(`/drives/${drive.id}/${parent}/children`)
        .post({ name: FOLDERS[n - 1], folder: {}, "@microsoft.graph.conflictBehavior": "fail" });
    }
  }
}
