import "./notifications.css";

export { NotificationBell, bellLabel, formatBadge, type NotificationBellProps } from "./NotificationBell";
export {
  NotificationClient,
  DefaultHubUrl,
  type NotificationClientOptions,
  type NotificationState,
} from "./NotificationClient";
export { NotificationsProvider, type NotificationsProviderProps } from "./NotificationsProvider";
export { NotificationToaster, type NotificationToasterProps } from "./NotificationToaster";
export { NotificationIcon, iconNameForType } from "./NotificationIcon";
export { useNotifications, type UseNotificationsResult } from "./useNotifications";
export { useNotificationClient } from "./useNotificationClient";
export { toSafeHref, openHref } from "./safeUrl";
export { computeBackoffDelay, createRetryPolicy, DefaultBackoffOptions, type BackoffOptions } from "./backoff";
export {
  createSignalRConnection,
  type HubConnectionFactory,
  type HubConnectionLike,
  type HubConnectionSettings,
} from "./hubConnection";
export * from "./types";
