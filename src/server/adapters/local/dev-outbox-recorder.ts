import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ActivityNotice, ActivityNotifier } from "../../ports/activity-notifier.js";
import type { BoardNotifier, BoardPost } from "../../ports/board-notifier.js";
import type { Mailer, OutgoingEmail } from "../../ports/mailer.js";

export type RecordedEffect =
  | { channel: "board"; at: string; marker: string; card: Record<string, unknown> }
  | {
      channel: "email";
      at: string;
      marker: string;
      to: OutgoingEmail["to"];
      subject: string;
      text: string;
      attachments: Array<{ name: string; contentType: string; size: number; base64: string }>;
    }
  | { channel: "activity"; at: string; marker: string; notice: ActivityNotice };

/**
 * Embedded mode's board channel, mailbox and activity feed: nothing leaves the machine; each effect is recorded
 * exactly as it would have been sent (one JSON line per effect in the data folder) and shown on /dev/outbox.
 */
export class DevOutboxRecorder implements BoardNotifier, Mailer, ActivityNotifier {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, "dev-outbox.jsonl");
  }

  async post(post: BoardPost): Promise<void> {
    await this.record({ channel: "board", at: this.now().toISOString(), marker: post.marker, card: post.card });
  }

  async findPosted(marker: string): Promise<boolean> {
    return (await this.list()).some((e) => e.channel === "board" && e.marker === marker);
  }

  async send(email: OutgoingEmail): Promise<{ acceptedAt: string }> {
    const at = this.now().toISOString();
    await this.record({
      channel: "email",
      at,
      marker: email.marker,
      to: email.to,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments.map((a) => ({
        name: a.name,
        contentType: a.contentType,
        size: a.content.length,
        base64: a.content.toString("base64"),
      })),
    });
    return { acceptedAt: at };
  }

  async findSent(marker: string): Promise<{ sentAt: string } | null> {
    const found = (await this.list()).find((e) => e.channel === "email" && e.marker === marker);
    return found ? { sentAt: found.at } : null;
  }

  async notify(notice: ActivityNotice): Promise<void> {
    await this.record({ channel: "activity", at: this.now().toISOString(), marker: notice.marker, notice });
  }

  /** Everything recorded, newest first. */
  async list(): Promise<RecordedEffect[]> {
    const text = await readFile(this.file, "utf8").catch(() => "");
    return text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedEffect)
      .reverse();
  }

  private async record(effect: RecordedEffect): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(effect)}\n`);
  }
}
