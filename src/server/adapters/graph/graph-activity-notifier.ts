import type { Client } from "@microsoft/microsoft-graph-client";
import type { ActivityNotice, ActivityNotifier } from "../../ports/activity-notifier.js";
import { toDeliveryError } from "./graph-errors.js";

/**
 * Activity-feed notices, app-only (TeamsActivity.Send): the Teams app must be installed for the person and declare
 * the activity types `caseAssigned` and `caseDueSoon` in its manifest. People are addressed by object id.
 */
export class GraphActivityNotifier implements ActivityNotifier {
  constructor(private readonly options: { graph: Client }) {}

  async notify(notice: ActivityNotice): Promise<void> {
    const objectId = notice.userId.includes(":") ? notice.userId.split(":")[1] : notice.userId;
    try {
      await this.options.graph
        .api(`/users/${encodeURIComponent(objectId ?? "")}/teamwork/sendActivityNotification`)
        .post({
          topic: { source: "text", value: notice.reference, webUrl: notice.caseUrl },
          activityType: notice.kind,
          previewText: { content: notice.previewText.slice(0, 150) },
          templateParameters: [{ name: "reference", value: notice.reference }],
        });
    } catch (error) {
      throw toDeliveryError(error, "Activity feed notice");
    }
  }
}
