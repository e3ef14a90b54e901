import { useCallback, useEffect, useRef, useState } from "react";
import { NotificationIcon } from "./NotificationIcon";
import { openHref, toSafeHref } from "./safeUrl";
import type { Notification } from "./types";
import { useNotificationClient } from "./useNotificationClient";

export interface NotificationToasterProps {
  /** How long a toast stays, in milliseconds, not counting time under the pointer or focus. Default 5,000. */
  durationMs?: number;
  /** Toasts shown at once; the oldest goes first. Default 4. */
  maxToasts?: number;
  /** Opens a toast's address. Receives only same-origin paths and http/https URLs. Default: as `<NotificationBell>`. */
  onNavigate?: (href: string, notification: Notification) => void;
  /**
   * Whether the toast stack is a polite live region. Default false, because `<NotificationBell>` already announces
   * arrivals: turn it on when the page has no bell.
   */
  announce?: boolean;
}

/**
 * Shows a toast for each live arrival: `notification:new` with an id this tab has not seen. Catch-up after a
 * reconnect shows none. Toasts stack in the bottom right corner, away from a bell in the header.
 */
export function NotificationToaster({
  durationMs = 5000,
  maxToasts = 4,
  onNavigate = openHref,
  announce = false,
}: NotificationToasterProps) {
  const client = useNotificationClient();
  const [toasts, setToasts] = useState<readonly Notification[]>([]);

  useEffect(
    () =>
      client.onArrival((notification) => {
        setToasts((current) =>
          current.some((toast) => toast.id === notification.id)
            ? current
            : [...current, notification].slice(-Math.max(1, maxToasts)),
        );
      }),
    [client, maxToasts],
  );

  const dismiss = useCallback((id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  const activate = (notification: Notification) => {
    dismiss(notification.id);
    if (notification.readAt === null) {
      client.markAsRead(notification.id).catch(() => {
        // A failed MarkRead leaves the notification unread, and the bell shows it as such.
      });
    }

    const href = toSafeHref(notification.actionUrl);
    if (href !== null) {
      onNavigate(href, notification);
    }
  };

  return (
    <section className="nb-toaster" aria-label="New notifications">
      <ol className="nb-toaster__list" aria-live={announce ? "polite" : undefined}>
        {toasts.map((notification) => (
          <Toast
            key={notification.id}
            notification={notification}
            durationMs={durationMs}
            onActivate={activate}
            onDismiss={dismiss}
          />
        ))}
      </ol>
    </section>
  );
}

interface ToastProps {
  notification: Notification;
  durationMs: number;
  onActivate: (notification: Notification) => void;
  onDismiss: (id: string) => void;
}

function Toast({ notification, durationMs, onActivate, onDismiss }: ToastProps) {
  const [paused, setPaused] = useState(false);
  const remainingMs = useRef(durationMs);

  // The timer stops while the pointer or focus is on the toast, so a person can finish reading it.
  useEffect(() => {
    if (paused) {
      return;
    }

    const startedAt = Date.now();
    const timer = setTimeout(() => onDismiss(notification.id), remainingMs.current);
    return () => {
      clearTimeout(timer);
      remainingMs.current = Math.max(0, remainingMs.current - (Date.now() - startedAt));
    };
  }, [paused, notification.id, onDismiss]);

  return (
    <li
      className="nb-toast"
      data-notification-id={notification.id}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <button type="button" className="nb-toast__main" onClick={() => onActivate(notification)}>
        <NotificationIcon type={notification.type} />
        <span className="nb-toast__text">
          <span className="nb-toast__title">{notification.title}</span>
          {notification.body !== "" && <span className="nb-toast__body">{notification.body}</span>}
        </span>
      </button>
      <button
        type="button"
        className="nb-toast__close"
        aria-label={`Dismiss ${notification.title}`}
        onClick={() => onDismiss(notification.id)}
      >
        ×
      </button>
    </li>
  );
}
