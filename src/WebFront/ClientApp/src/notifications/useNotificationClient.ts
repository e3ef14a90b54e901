import { useContext } from "react";
import type { NotificationClient } from "./NotificationClient";
import { NotificationsContext } from "./NotificationsContext";

/** Returns the tab's notification client. Throws outside `<NotificationsProvider>`. */
export function useNotificationClient(): NotificationClient {
  const client = useContext(NotificationsContext);
  if (client === null) {
    throw new Error("useNotifications and the notification components must be used inside <NotificationsProvider>.");
  }

  return client;
}
