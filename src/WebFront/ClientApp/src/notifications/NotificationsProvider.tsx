import { useEffect, useState, type ReactNode } from "react";
import { NotificationClient, type NotificationClientOptions } from "./NotificationClient";
import { NotificationsContext } from "./NotificationsContext";

export interface NotificationsProviderProps extends NotificationClientOptions {
  children?: ReactNode;
}

/**
 * Owns the tab's one notification connection and shares it with `useNotifications`, `<NotificationBell>` and
 * `<NotificationToaster>` below it. The options are read once, when the provider mounts. To sign in as another user,
 * give the provider a new `key` so that React mounts a new one.
 */
export function NotificationsProvider({ children, ...options }: NotificationsProviderProps) {
  // The constructor has no side effects, so StrictMode's second call of this initializer costs nothing.
  const [client] = useState(() => new NotificationClient(options));

  // The one effect that owns the connection. Under StrictMode it runs, cleans up and runs again on the same client,
  // and the client's deferred start turns that into a single connection.
  useEffect(() => {
    client.start();
    return () => {
      void client.stop();
    };
  }, [client]);

  return <NotificationsContext.Provider value={client}>{children}</NotificationsContext.Provider>;
}
