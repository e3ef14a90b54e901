import type { Notification, NotificationsReadEvent } from "./types";

/**
 * The notifications one tab holds, keyed by id, with the catch-up cursor: the highest seq up to which nothing newer
 * than the oldest held notification is missing. Seqs are gap-free per user, so the cursor moves forward only through
 * seqs actually held, or to a `lastSeq` that a complete `Sync` reported.
 */
export class NotificationInbox {
  private readonly byId = new Map<string, Notification>();
  private readonly seqs = new Set<number>();
  private sorted: readonly Notification[] = [];
  private cursorSeq = 0;

  /** Held notifications, newest first. A new array after every change, the same array otherwise. */
  get list(): readonly Notification[] {
    return this.sorted;
  }

  get size(): number {
    return this.byId.size;
  }

  get cursor(): number {
    return this.cursorSeq;
  }

  /** Highest seq held, or 0 when empty. */
  get highestSeq(): number {
    return this.sorted[0]?.seq ?? 0;
  }

  /** Lowest seq held, or 0 when empty (`GetPage` reads 0 as "from the newest"). */
  get lowestSeq(): number {
    return this.sorted[this.sorted.length - 1]?.seq ?? 0;
  }

  /**
   * Adds notifications, dropping duplicates by id. A duplicate updates the held copy, except that a notification
   * never becomes unread again. Returns how many ids were new.
   */
  merge(notifications: readonly Notification[]): number {
    let added = 0;
    let changed = false;
    for (const notification of notifications) {
      if (!isNotification(notification)) {
        continue;
      }

      const existing = this.byId.get(notification.id);
      if (existing === undefined) {
        added++;
      }

      const merged = { ...notification, readAt: notification.readAt ?? existing?.readAt ?? null };
      if (existing === undefined || !sameNotification(existing, merged)) {
        this.byId.set(merged.id, merged);
        this.seqs.add(merged.seq);
        changed = true;
      }
    }

    if (changed) {
      this.advanceCursorTo(this.cursorSeq);
      this.sort();
    }

    return added;
  }

  /** Applies a `notifications:read` event: the listed ids, or everything up to `upToSeq`, become read. */
  applyRead(event: NotificationsReadEvent, now: Date = new Date()): void {
    const readAt = now.toISOString();
    const ids = new Set(event.ids ?? []);
    const upToSeq = event.upToSeq ?? null;
    let changed = false;
    for (const notification of this.byId.values()) {
      const isRead = ids.has(notification.id) || (upToSeq !== null && notification.seq <= upToSeq);
      if (isRead && notification.readAt === null) {
        this.byId.set(notification.id, { ...notification, readAt });
        changed = true;
      }
    }

    if (changed) {
      this.sort();
    }
  }

  /** Moves the cursor to at least `seq`, then on through every consecutive seq held. */
  advanceCursorTo(seq: number): void {
    let cursor = Math.max(this.cursorSeq, seq);
    while (this.seqs.has(cursor + 1)) {
      cursor++;
    }

    this.cursorSeq = cursor;
  }

  private sort(): void {
    this.sorted = [...this.byId.values()].sort((a, b) => b.seq - a.seq);
  }
}

function isNotification(value: unknown): value is Notification {
  const candidate = value as Partial<Notification> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.id === "string" &&
    typeof candidate.seq === "number" &&
    Number.isFinite(candidate.seq)
  );
}

function sameNotification(a: Notification, b: Notification): boolean {
  return a.seq === b.seq && a.readAt === b.readAt && a.title === b.title && a.body === b.body;
}
