import { useCallback, useState, type FormEvent } from "react";
import {
  NotificationBell,
  NotificationsProvider,
  NotificationToaster,
  useNotifications,
  type ConnectionStatus,
} from "../notifications";
import { fetchUserToken } from "./devApi";
import { SendForm } from "./SendForm";

/** The demo page: `/?user=ID` signs in as that user through the development token endpoint. */
export function DemoApp() {
  const userId = new URLSearchParams(window.location.search).get("user")?.trim() ?? "";
  const accessTokenFactory = useCallback(() => fetchUserToken(userId), [userId]);

  if (userId === "") {
    return <SignInForm />;
  }

  return (
    <NotificationsProvider key={userId} accessTokenFactory={accessTokenFactory}>
      <header className="demo-header">
        <h1 className="demo-header__title">Notifications demo</h1>
        <span className="demo-header__user">
          Signed in as <strong>{userId}</strong>
        </span>
        <ConnectionBadge />
        <NotificationBell />
      </header>
      <main className="demo-main">
        <SendForm currentUserId={userId} />
      </main>
      <NotificationToaster />
    </NotificationsProvider>
  );
}

function ConnectionBadge() {
  const { status, live } = useNotifications();
  return (
    <span className={`demo-status demo-status--${status}`} data-status={status} data-live={live}>
      {StatusLabels[status]}
    </span>
  );
}

const StatusLabels: Record<ConnectionStatus, string> = {
  idle: "Idle",
  connecting: "Connecting",
  connected: "Live",
  reconnecting: "Reconnecting",
  disconnected: "Offline",
};

function SignInForm() {
  const [userId, setUserId] = useState("alice");

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = userId.trim();
    if (trimmed !== "") {
      window.location.search = `?user=${encodeURIComponent(trimmed)}`;
    }
  };

  return (
    <main className="demo-main">
      <h1>Notifications demo</h1>
      <p>Development only: sign in as any user id.</p>
      <form className="demo-form" onSubmit={signIn}>
        <label>
          User id
          <input value={userId} onChange={(event) => setUserId(event.target.value)} required />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
