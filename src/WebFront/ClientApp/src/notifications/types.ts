/** A notification as the hub and the HTTP API send it (camelCase JSON). */
export interface Notification {
  id: string;
  /** Per-user sequence number: 1, 2, 3, ... with no gaps. */
  seq: number;
  type: string;
  title: string;
  body: string;
  /** A site-relative path such as `/orders/7`, or an absolute http/https URL. */
  actionUrl?: string | null;
  data?: Record<string, unknown> | null;
  /** UTC, ISO 8601 with `Z`. */
  createdAt: string;
  /** UTC, ISO 8601 with `Z`, or null while unread. */
  readAt: string | null;
}

/** Payload of the `notification:new` hub event: one live arrival. */
export interface NotificationNewEvent {
  notification: Notification;
  unreadCount: number;
}

/** Payload of the `notifications:batch` hub event: the newest page, newest first, sent once per connection. */
export interface NotificationsBatchEvent {
  notifications: Notification[];
  unreadCount: number;
  lastSeq: number;
  hasMore: boolean;
}

/**
 * Payload of the `notifications:read` hub event. After `MarkRead`, `ids` lists the newly read ids and `upToSeq` is
 * null. After `MarkAllRead`, `ids` is empty and `upToSeq` is set.
 */
export interface NotificationsReadEvent {
  ids: string[];
  upToSeq: number | null;
  unreadCount: number;
}

/** Result of the hub method `Sync(afterSeq, limit)`: notifications with `seq > afterSeq`, oldest first. */
export interface SyncResult {
  notifications: Notification[];
  unreadCount: number;
  /** The user's highest seq when the call ran. */
  lastSeq: number;
  hasMore: boolean;
}

/** Result of the hub method `GetPage(beforeSeq, limit)`: notifications with `seq < beforeSeq`, newest first. */
export interface PageResult {
  notifications: Notification[];
  unreadCount: number;
  hasMore: boolean;
}

/** Names of the hub's server-to-client events. */
export const HubEvents = {
  NotificationNew: "notification:new",
  NotificationsBatch: "notifications:batch",
  NotificationsRead: "notifications:read",
} as const;

/** Names of the hub's client-to-server methods. */
export const HubMethods = {
  Sync: "Sync",
  GetPage: "GetPage",
  MarkRead: "MarkRead",
  MarkAllRead: "MarkAllRead",
} as const;

/** Page size limits that the hub accepts for `Sync` and `GetPage`. */
export const MinPageSize = 1;
export const MaxPageSize = 100;

/**
 * Connection state as a user interface shows it.
 * - `idle`: not started, or stopped by the application.
 * - `connecting`: the first connection attempt is running.
 * - `connected`: the connection is open and the catch-up `Sync` has been sent.
 * - `reconnecting`: the connection dropped and SignalR is retrying.
 * - `disconnected`: the reconnect policy gave up and the client waits to start a new connection.
 */
export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "disconnected";
