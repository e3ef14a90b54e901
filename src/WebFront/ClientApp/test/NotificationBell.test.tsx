import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NotificationBell } from "../src/notifications";
import { makeNotification, newestFirst } from "./FakeHubConnection";
import { renderWithNotifications, sendBatch, sendNew } from "./renderWithNotifications";

describe("NotificationBell", () => {
  it("opens one connection under StrictMode", async () => {
    const { connections } = await renderWithNotifications(<NotificationBell />, { strict: true });

    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(connections).toHaveLength(1);
    expect(connections[0]!.startCount).toBe(1);
  });

  it("names the bell with the unread count", async () => {
    const { connection } = await renderWithNotifications(<NotificationBell />);

    expect(screen.getByRole("button", { name: "Notifications" })).toBeInTheDocument();

    sendBatch(connection, newestFirst(1, 3), 3);

    const bell = screen.getByRole("button", { name: "Notifications, 3 unread" });
    expect(bell).toHaveTextContent("3");
    expect(bell).toHaveAttribute("aria-expanded", "false");
  });

  it("shows 99+ above 99 unread", async () => {
    const { connection } = await renderWithNotifications(<NotificationBell />);

    sendBatch(connection, newestFirst(1, 20), 150);

    const bell = screen.getByRole("button", { name: "Notifications, 150 unread" });
    expect(bell).toHaveTextContent("99+");
  });

  it("shows 99 at exactly 99 unread", async () => {
    const { connection } = await renderWithNotifications(<NotificationBell />);

    sendBatch(connection, newestFirst(1, 20), 99);

    expect(screen.getByRole("button", { name: "Notifications, 99 unread" })).toHaveTextContent(/^99$/);
  });

  it("follows the server's unread count", async () => {
    const { connection } = await renderWithNotifications(<NotificationBell />);
    sendBatch(connection, newestFirst(1, 2), 2);

    sendNew(connection, makeNotification(3), 3);
    expect(screen.getByRole("button", { name: "Notifications, 3 unread" })).toBeInTheDocument();

    act(() => connection.emit("notifications:read", { ids: [], upToSeq: 3, unreadCount: 0 }));
    expect(screen.getByRole("button", { name: "Notifications" })).toBeInTheDocument();
  });

  it("shows the empty state", async () => {
    const user = userEvent.setup();
    await renderWithNotifications(<NotificationBell />);

    await user.click(screen.getByRole("button", { name: "Notifications" }));

    expect(screen.getByRole("button", { name: "Notifications" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText("You have no notifications.")).toBeInTheDocument();
  });

  it("lists the newest 20 and loads more", async () => {
    const user = userEvent.setup();
    const { connection } = await renderWithNotifications(<NotificationBell />, {
      server: {
        getPage: (beforeSeq) => ({ notifications: newestFirst(1, beforeSeq - 1), unreadCount: 25, hasMore: false }),
      },
    });
    act(() =>
      connection.emit("notifications:batch", {
        notifications: newestFirst(6, 25),
        unreadCount: 25,
        lastSeq: 25,
        hasMore: true,
      }),
    );

    await user.click(screen.getByRole("button", { name: "Notifications, 25 unread" }));
    const list = screen.getByRole("region", { name: "Notifications list" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(20);
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("Title 25");

    await user.click(screen.getByRole("button", { name: "Load more" }));

    expect(connection.invocations).toContainEqual({ method: "GetPage", args: [6, 20] });
    expect(within(list).getAllByRole("listitem")).toHaveLength(25);
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  });

  it("marks all read up to the highest seq shown", async () => {
    const user = userEvent.setup();
    const { connection } = await renderWithNotifications(<NotificationBell />);
    sendBatch(connection, newestFirst(1, 7), 7);

    await user.click(screen.getByRole("button", { name: "Notifications, 7 unread" }));
    await user.click(screen.getByRole("button", { name: "Mark all as read" }));

    expect(connection.invocations).toContainEqual({ method: "MarkAllRead", args: [7] });
  });

  it("closes on Escape and returns focus to the bell", async () => {
    const user = userEvent.setup();
    const { connection } = await renderWithNotifications(<NotificationBell />);
    sendBatch(connection, newestFirst(1, 2), 2);
    const bell = screen.getByRole("button", { name: "Notifications, 2 unread" });
    await user.click(bell);
    await user.tab();
    expect(bell).not.toHaveFocus();

    await user.keyboard("{Escape}");

    expect(bell).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("region", { name: "Notifications list" })).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
  });

  it("marks a clicked notification read and opens its address", async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    const { connection } = await renderWithNotifications(<NotificationBell onNavigate={navigate} />);
    sendBatch(connection, [makeNotification(1, { title: "Order shipped", actionUrl: "/orders/7" })], 1);

    await user.click(screen.getByRole("button", { name: "Notifications, 1 unread" }));
    await user.click(screen.getByRole("button", { name: /Order shipped/ }));

    expect(connection.invocations).toContainEqual({ method: "MarkRead", args: [["n1"]] });
    expect(navigate).toHaveBeenCalledWith(`${window.location.origin}/orders/7`, expect.objectContaining({ id: "n1" }));
  });

  it.each(["javascript:alert(1)", "//evil.example/x", "/\\evil.example/x"])(
    "does not open unsafe address %s",
    async (actionUrl) => {
      const user = userEvent.setup();
      const navigate = vi.fn();
      const { connection } = await renderWithNotifications(<NotificationBell onNavigate={navigate} />);
      sendBatch(connection, [makeNotification(1, { title: "Suspicious", actionUrl })], 1);

      await user.click(screen.getByRole("button", { name: "Notifications, 1 unread" }));
      await user.click(screen.getByRole("button", { name: /Suspicious/ }));

      expect(navigate).not.toHaveBeenCalled();
      expect(connection.invocations).toContainEqual({ method: "MarkRead", args: [["n1"]] });
    },
  );

  it("renders notification text as text", async () => {
    const user = userEvent.setup();
    const { connection, container } = await renderWithNotifications(<NotificationBell />);
    const body = '<img src=x onerror="window.__xss = 1">';
    sendBatch(connection, [makeNotification(1, { title: "<b>Bold</b>", body })], 1);

    await user.click(screen.getByRole("button", { name: "Notifications, 1 unread" }));

    expect(screen.getByText(body)).toBeInTheDocument();
    expect(screen.getByText("<b>Bold</b>")).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
  });

  it("announces live arrivals politely", async () => {
    const { connection } = await renderWithNotifications(<NotificationBell />);

    sendNew(connection, makeNotification(1, { title: "Build finished" }), 1);

    const status = screen.getByRole("status");
    expect(status).toHaveAttribute("aria-live", "polite");
    expect(status).toHaveTextContent("New notification: Build finished");
  });
});
