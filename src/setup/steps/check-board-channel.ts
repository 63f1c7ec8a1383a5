import { createHash } from "node:crypto";
import type { SetupContext } from "../context.js";
import { graphProblem } from "../context.js";
import type { SetupState } from "./write-configuration.js";

/**
 * The board channel's route: the team and channel exist (when given: they are used to look for a card before a
 * retry), and the Workflows webhook answers. The webhook is tried once with a short card saying Redress is
 * connected; a later run with the same address does not post again (the state file remembers a hash, never the
 * address: it carries its signature).
 */
export async function checkBoardChannel(ctx: SetupContext, state: SetupState): Promise<void> {
  const { graph, args, report, transport } = ctx;
  report.step("5. Board channel");
  if (args.teamId && args.channelId) {
    try {
      const channel = (await graph
        .api(`/teams/${args.teamId}/channels/${args.channelId}`)
        .select("id,displayName")
        .get()) as {
        displayName?: string;
      };
      report.unchanged(`the channel "${channel.displayName ?? args.channelId}" exists`);
    } catch (error) {
      throw new Error(`The board channel was not found (${graphProblem(error)}): check --team and --channel.`);
    }
  } else {
    report.note(
      "no --team/--channel: a card whose answer was lost goes to 'needs attention' instead of being looked for",
    );
  }
  if (!args.webhookUrl) {
    report.note(
      "no webhook address: in the board channel, Workflows → 'Post to a channel when a webhook request is received', then run again with --webhook-url",
    );
    return;
  }
  const hash = createHash("sha256").update(args.webhookUrl).digest("hex");
  if (state.webhookCheckedSha256 === hash) {
    report.unchanged("the Workflows webhook answered when last checked");
    return;
  }
  report.changed("post a 'Redress is connected' card through the Workflows webhook to check it answers");
  if (args.dryRun) return;
  const card = {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          type: "AdaptiveCard",
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              wrap: true,
              text: "Redress is connected to this channel. Complaint notices will appear here.",
            },
          ],
        },
      },
    ],
  };
  const answer = await transport.send({
    method: "POST",
    url: args.webhookUrl,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(card),
  });
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(
      `The Workflows webhook answered ${answer.status}: check the address (copy it again from Workflows).`,
    );
  }
  state.webhookCheckedSha256 = hash;
}
