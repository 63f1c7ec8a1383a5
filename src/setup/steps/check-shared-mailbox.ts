import type { SetupContext } from "../context.js";
import { graphProblem } from "../context.js";

/** The shared mailbox letters are sent from exists; Mail.Send is limited to it with Exchange RBAC (README). */
export async function checkSharedMailbox(ctx: SetupContext): Promise<void> {
  const { graph, args, report } = ctx;
  report.step(`6. Shared mailbox ${args.sharedMailbox}`);
  try {
    await graph
      .api(`/users/${encodeURIComponent(args.sharedMailbox)}`)
      .select("id,mail")
      .get();
    report.unchanged("the shared mailbox exists");
  } catch (error) {
    throw new Error(`The shared mailbox ${args.sharedMailbox} was not found (${graphProblem(error)}).`);
  }
  report.note(
    "limit Mail.Send to this mailbox with an Exchange management scope (README, 'Install in your tenant', step 6)",
  );
}
