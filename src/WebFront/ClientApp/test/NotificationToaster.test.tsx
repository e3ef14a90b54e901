import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NotificationBell, NotificationToaster } from "../src/notifications";
import { makeNotification, newestFirst } from "./FakeHubConnection";
import { renderWithNotifications, sendBatch, sendNew } from "./renderWithNotifications";

function toastList() {
  return within(screen.getByRole("region", { name: "New notifications" })).queryAllByRole("listitem");
}

describe("NotificationToaster", () => {
  it("shows one toast per notification under StrictMode", async () => {
    const { connection } = await renderWithNotifications(
      <>
        <NotificationBell />
        <NotificationToaster />
      </>,
      { strict: true },
    );

    sendNew(connection, makeNotification(1, { title: "Hello" }), 1);
    sendNew(connection, makeNotification(1, { title: "Hello" }), 1);

    expect(toastList()).toHaveLength(1);
    expect(toastList()[0]).toHaveTextContent("Hello");
  });

  it("shows no toast for catch-up", async () => {
    const { connection } = await renderWithNotifications(<NotificationToaster />, {
      server: { sync: () => ({ notifications: [makeNotification(4)], unreadCount: 4, lastSeq: 4, hasMore: false }) },
    });

    sendBatch(connection, newestFirst(1, 3), 3);
    await act(() => connection.reconnect());
    await vi.waitFor(() => expect(connection.invocations.filter((call) => call.method === "Sync")).toHaveLength(2));

    expect(toastList()).toHaveLength(0);
  });

  it("shows an icon per built-in type and a default icon", async () => {
    const { connection, container } = await renderWithNotifications(<NotificationToaster maxToasts={10} />);
    const types = [
      "order:status_changed",
      "message:received",
      "mention:comment",
      "task:assigned",
      "payment:processed",
      "system:alert",
      "build:finished",
    ];

    types.forEach((type, index) => sendNew(connection, makeNotification(index + 1, { type }), index + 1));

    const icons = [...container.querySelectorAll("[data-icon]")].map((icon) => icon.getAttribute("data-icon"));
    expect(icons).toEqual(["order", "message", "mention", "task", "payment", "alert", "default"]);
  });

  it("dismisses a toast after its duration", async () => {
    const { connection } = await renderWithNotifications(<NotificationToaster durationMs={50} />);

    sendNew(connection, makeNotification(1), 1);
    expect(toastList()).toHaveLength(1);

    await vi.waitFor(() => expect(toastList()).toHaveLength(0));
  });

  it("opens a safe address on click and marks it read", async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    const { connection } = await renderWithNotifications(<NotificationToaster onNavigate={navigate} />);
    sendNew(connection, makeNotification(1, { title: "Paid", actionUrl: "https://pay.example/r/1" }), 1);

    await user.click(screen.getByRole("button", { name: /^Paid/ }));

    expect(navigate).toHaveBeenCalledWith("https://pay.example/r/1", expect.objectContaining({ id: "n1" }));
    expect(connection.invocations).toContainEqual({ method: "MarkRead", args: [["n1"]] });
    expect(toastList()).toHaveLength(0);
  });

  it.each(["javascript:alert(1)", "//evil.example", "/\\evil.example"])(
    "does not open unsafe address %s",
    async (actionUrl) => {
      const user = userEvent.setup();
      const navigate = vi.fn();
      const { connection } = await renderWithNotifications(<NotificationToaster onNavigate={navigate} />);
      sendNew(connection, makeNotification(1, { title: "Trap", actionUrl }), 1);

      await user.click(screen.getByRole("button", { name: /^Trap/ }));

      expect(navigate).not.toHaveBeenCalled();
    },
  );

  it("dismisses with the close button", async () => {
    const user = userEvent.setup();
    const { connection } = await renderWithNotifications(<NotificationToaster />);
    sendNew(connection, makeNotification(1, { title: "Closable" }), 1);

    await user.click(screen.getByRole("button", { name: "Dismiss Closable" }));

    expect(toastList()).toHaveLength(0);
  });
});
