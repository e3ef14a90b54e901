import { createContext } from "react";
import type { NotificationClient } from "./NotificationClient";

/** The tab's notification client, provided by `<NotificationsProvider>`. */
export const NotificationsContext = createContext<NotificationClient | null>(null);
