import { act, render } from "@testing-library/react";
import { StrictMode, type ReactElement } from "react";
import { vi } from "vitest";
import { NotificationsProvider } from "../src/notifications";
import type { Notification } from "../src/notifications";
import { createFakeFactory, type FakeHubConnection, type FakeServer } from "./FakeHubConnection";

export interface RenderOptions {
  server?: FakeServer;
  strict?: boolean;
}

/** Renders `ui` inside a provider wired to a fake hub and waits until its connection has started. */
export async function renderWithNotifications(ui: ReactElement, { server = {}, strict = false }: RenderOptions = {}) {
  const { factory, connections } = createFakeFactory(server);
  const tree = (
    <NotificationsProvider
      accessTokenFactory={() => "token"}
      connectionFactory={factory}
      batchWaitMs={5}
      onError={() => {}}
    >
      {ui}
    </NotificationsProvider>
  );
  const view = render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  await vi.waitFor(() => {
    if (connections[0]?.startCount !== 1) {
      throw new Error("The fake connection has not started yet.");
    }
  });
  const connection = connections[0]!;
  await vi.waitFor(() => {
    if (!connection.invocations.some((call) => call.method === "Sync")) {
      throw new Error("The client has not synced yet.");
    }
  });

  return { ...view, connections, connection };
}

/** Delivers a batch with `notifications` (newest first) inside `act`. */
export function sendBatch(connection: FakeHubConnection, notifications: Notification[], unreadCount: number) {
  act(() => {
    connection.emit("notifications:batch", {
      notifications,
      unreadCount,
      lastSeq: notifications[0]?.seq ?? 0,
      hasMore: false,
    });
  });
}

/** Delivers a live arrival inside `act`. */
export function sendNew(connection: FakeHubConnection, notification: Notification, unreadCount: number) {
  act(() => {
    connection.emit("notification:new", { notification, unreadCount });
  });
}
