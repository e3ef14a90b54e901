import { useEffect, useId, useRef, useState } from "react";
import { formatRelativeTime } from "./formatTime";
import { BellIcon, NotificationIcon } from "./NotificationIcon";
import { openHref, toSafeHref } from "./safeUrl";
import type { Notification } from "./types";
import { useNotificationClient } from "./useNotificationClient";
import { useNotifications } from "./useNotifications";

export interface NotificationBellProps {
  /** Notifications shown when the dropdown opens, and added by each "Load more". Default 20. */
  pageSize?: number;
  /**
   * Opens a notification's address. Receives only safe addresses: same-origin paths and http/https URLs. Default:
   * same-origin addresses in this tab, other sites in a new tab. Pass a router's navigate function to stay in an SPA.
   */
  onNavigate?: (href: string, notification: Notification) => void;
  className?: string;
}

/** Formats the badge: the count up to 99, then `99+`. */
export function formatBadge(unreadCount: number): string {
  return unreadCount > 99 ? "99+" : String(unreadCount);
}

/** Returns the bell's accessible name, such as "Notifications" or "Notifications, 3 unread". */
export function bellLabel(unreadCount: number): string {
  return unreadCount > 0 ? `Notifications, ${unreadCount} unread` : "Notifications";
}

/**
 * A bell button with an unread badge and a dropdown of the newest notifications. Escape or a click outside closes
 * the dropdown; Escape also returns focus to the bell. Live arrivals are announced in a polite live region.
 */
export function NotificationBell({ pageSize = 20, onNavigate = openHref, className }: NotificationBellProps) {
  const client = useNotificationClient();
  const { notifications, unreadCount, status, hasMore, loadingMore, markAsRead, markAllAsRead, loadMore } =
    useNotifications();
  const [open, setOpen] = useState(false);
  const [visibleCount, setVisibleCount] = useState(pageSize);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(
    () =>
      client.onArrival((notification) => {
        // A repeat of the same text would not be read out again, so a trailing no-break space makes it differ.
        setAnnouncement((previous) => {
          const text = `New notification: ${notification.title}`;
          return previous === text ? `${text}\u00a0` : text;
        });
      }),
    [client],
  );

  useEffect(() => {
    if (!open) {
      return;
    }

    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const handlePointerDown = (event: PointerEvent) => {
      if (rootRef.current !== null && !rootRef.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("keydown", handleKeyDown);
    document.addEventListener("pointerdown", handlePointerDown);
    return () => {
      document.removeEventListener("keydown", handleKeyDown);
      document.removeEventListener("pointerdown", handlePointerDown);
    };
  }, [open]);

  const toggle = () => {
    setOpen((wasOpen) => !wasOpen);
    setVisibleCount(pageSize);
    setError(null);
  };

  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  const activate = (notification: Notification) => {
    if (notification.readAt === null) {
      run(() => markAsRead(notification.id));
    }

    const href = toSafeHref(notification.actionUrl);
    if (href !== null) {
      setOpen(false);
      onNavigate(href, notification);
    }
  };

  const showMore = () => {
    if (notifications.length <= visibleCount) {
      run(loadMore);
    }

    setVisibleCount((count) => count + pageSize);
  };

  const visible = notifications.slice(0, visibleCount);
  const canShowMore = notifications.length > visibleCount || hasMore;

  return (
    <div className={["nb-bell", className].filter(Boolean).join(" ")} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="nb-bell__button"
        aria-label={bellLabel(unreadCount)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        <BellIcon />
        {unreadCount > 0 && (
          <span className="nb-bell__badge" aria-hidden="true">
            {formatBadge(unreadCount)}
          </span>
        )}
      </button>
      <div className="nb-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {open && (
        <div id={panelId} className="nb-panel" role="region" aria-label="Notifications list">
          <div className="nb-panel__header">
            <h2 className="nb-panel__title">Notifications</h2>
            <button
              type="button"
              className="nb-link-button"
              disabled={unreadCount === 0 || status !== "connected"}
              onClick={() => run(markAllAsRead)}
            >
              Mark all as read
            </button>
          </div>
          {status !== "connected" && <p className="nb-panel__status">{statusText(status)}</p>}
          {error !== null && (
            <p className="nb-panel__error" role="alert">
              {error}
            </p>
          )}
          {visible.length === 0 ? (
            <p className="nb-panel__empty">You have no notifications.</p>
          ) : (
            <ul className="nb-list">
              {visible.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} onActivate={activate} />
                </li>
              ))}
            </ul>
          )}
          {canShowMore && (
            <button type="button" className="nb-panel__more" disabled={loadingMore} onClick={showMore}>
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function NotificationItem({
  notification,
  onActivate,
}: {
  notification: Notification;
  onActivate: (notification: Notification) => void;
}) {
  const unread = notification.readAt === null;
  return (
    <button
      type="button"
      className={`nb-item${unread ? " nb-item--unread" : ""}`}
      data-notification-id={notification.id}
      onClick={() => onActivate(notification)}
    >
      <NotificationIcon type={notification.type} />
      <span className="nb-item__text">
        <span className="nb-item__title">{notification.title}</span>
        {notification.body !== "" && <span className="nb-item__body">{notification.body}</span>}
        <time className="nb-item__time" dateTime={notification.createdAt}>
          {formatRelativeTime(notification.createdAt)}
        </time>
      </span>
      {unread && (
        <span className="nb-item__dot">
          <span className="nb-visually-hidden">Unread</span>
        </span>
      )}
    </button>
  );
}

function statusText(status: string): string {
  switch (status) {
    case "connecting":
      return "Connecting…";
    case "reconnecting":
      return "Connection lost. Reconnecting…";
    case "disconnected":
      return "Offline. Retrying shortly…";
    default:
      return "Not connected.";
  }
}
