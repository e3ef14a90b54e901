import { useCallback, useSyncExternalStore } from "react";
import type { ConnectionStatus, Notification } from "./types";
import { useNotificationClient } from "./useNotificationClient";

export interface UseNotificationsResult {
  /** Notifications held by this tab, newest first. */
  notifications: readonly Notification[];
  /** The server's unread count. It changes only when a server event or result carries a new one. */
  unreadCount: number;
  status: ConnectionStatus;
  /** Whether the connection is registered for live delivery, so that anything sent from now on arrives live. */
  live: boolean;
  /** Whether older notifications can be loaded with `loadMore`. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Marks one or more notifications read, in every tab of the user. */
  markAsRead: (ids: string | readonly string[]) => Promise<void>;
  /** Marks read everything up to the highest seq shown, in every tab of the user. */
  markAllAsRead: () => Promise<void>;
  /** Loads the next page of older notifications. */
  loadMore: () => Promise<void>;
}

/** Subscribes to the inbox of `<NotificationsProvider>` and returns it with its actions. */
export function useNotifications(): UseNotificationsResult {
  const client = useNotificationClient();
  const state = useSyncExternalStore(client.subscribe, client.getState);

  const markAsRead = useCallback(
    async (ids: string | readonly string[]) => {
      await client.markAsRead(ids);
    },
    [client],
  );
  const markAllAsRead = useCallback(async () => {
    await client.markAllAsRead();
  }, [client]);
  const loadMore = useCallback(() => client.loadMore(), [client]);

  return { ...state, markAsRead, markAllAsRead, loadMore };
}
