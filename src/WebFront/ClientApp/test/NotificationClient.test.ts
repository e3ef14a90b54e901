import { afterEach, describe, expect, it, vi } from "vitest";
import { NotificationClient, type NotificationClientOptions } from "../src/notifications";
import { createFakeFactory, makeNotification, newestFirst, type FakeServer } from "./FakeHubConnection";

const clients: NotificationClient[] = [];

function createClient(server: FakeServer = {}, options: Partial<NotificationClientOptions> = {}) {
  const { factory, connections } = createFakeFactory(server);
  let tokenCount = 0;
  const client = new NotificationClient({
    accessTokenFactory: () => `token-${++tokenCount}`,
    connectionFactory: factory,
    batchWaitMs: 1000,
    restart: { initialDelayMs: 5, maxDelayMs: 20 },
    onError: () => {},
    ...options,
  });
  clients.push(client);
  return { client, connections };
}

async function startWithBatch(
  client: NotificationClient,
  connections: ReturnType<typeof createFakeFactory>["connections"],
  lastSeq: number,
  unreadCount = lastSeq,
) {
  client.start();
  await vi.waitFor(() => expect(connections[0]?.startCount).toBe(1));
  const connection = connections[0]!;
  connection.emit("notifications:batch", {
    notifications: newestFirst(Math.max(1, lastSeq - 19), lastSeq),
    unreadCount,
    lastSeq,
    hasMore: lastSeq > 20,
  });
  await vi.waitFor(() => expect(connection.invocations.some((call) => call.method === "Sync")).toBe(true));
  return connection;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

describe("NotificationClient", () => {
  it("syncs after the batch from its lastSeq", async () => {
    const { client, connections } = createClient();

    const connection = await startWithBatch(client, connections, 3);

    expect(connection.invocations[0]).toEqual({ method: "Sync", args: [3, 100] });
    expect(client.getState().notifications.map((n) => n.seq)).toEqual([3, 2, 1]);
    expect(client.getState().status).toBe("connected");
  });

  it("is live only between the batch and a drop", async () => {
    const { client, connections } = createClient();
    client.start();
    await vi.waitFor(() => expect(client.getState().status).toBe("connected"));
    const liveBeforeBatch = client.getState().live;

    const connection = await startWithBatch(client, connections, 1);
    const liveAfterBatch = client.getState().live;
    const reconnecting = connection.reconnect();
    const liveWhileReconnecting = client.getState().live;
    await reconnecting;

    expect(liveBeforeBatch).toBe(false);
    expect(liveAfterBatch).toBe(true);
    expect(liveWhileReconnecting).toBe(false);
    expect(client.getState().live).toBe(false);
  });

  it("syncs from seq 0 when no batch arrives in time", async () => {
    const { client, connections } = createClient({}, { batchWaitMs: 10 });

    client.start();

    await vi.waitFor(() => expect(connections[0]?.invocations[0]).toEqual({ method: "Sync", args: [0, 100] }));
  });

  it("drops duplicates by id", async () => {
    const server: FakeServer = {
      sync: (afterSeq) => ({
        notifications: afterSeq < 4 ? [makeNotification(4)] : [],
        unreadCount: 4,
        lastSeq: 4,
        hasMore: false,
      }),
    };
    const { client, connections } = createClient(server, { batchWaitMs: 5 });
    const arrivals = vi.fn();
    client.onArrival(arrivals);
    client.start();
    await vi.waitFor(() => expect(client.getState().unreadCount).toBe(4));
    const connection = connections[0]!;

    connection.emit("notifications:batch", {
      notifications: newestFirst(1, 3),
      unreadCount: 4,
      lastSeq: 3,
      hasMore: false,
    });
    connection.emit("notification:new", { notification: makeNotification(5), unreadCount: 5 });
    connection.emit("notification:new", { notification: makeNotification(5), unreadCount: 5 });
    connection.emit("notification:new", { notification: makeNotification(4), unreadCount: 5 });
    await connection.reconnect();
    connection.emit("notifications:batch", {
      notifications: newestFirst(1, 5),
      unreadCount: 5,
      lastSeq: 5,
      hasMore: false,
    });

    expect(client.getState().notifications.map((n) => n.id)).toEqual(["n5", "n4", "n3", "n2", "n1"]);
    expect(arrivals).toHaveBeenCalledTimes(1);
    expect(arrivals).toHaveBeenCalledWith(expect.objectContaining({ id: "n5" }));
  });

  it("takes the unread count from the server only", async () => {
    const { client, connections } = createClient({
      sync: () => ({ notifications: [], unreadCount: 3, lastSeq: 3, hasMore: false }),
      markRead: () => 2,
    });
    const connection = await startWithBatch(client, connections, 3);
    await vi.waitFor(() => expect(client.getState().unreadCount).toBe(3));

    await client.markAsRead("n3");

    expect(connection.invocations.at(-1)).toEqual({ method: "MarkRead", args: [["n3"]] });
    expect(client.getState().unreadCount).toBe(3);
    expect(client.getState().notifications[0]?.readAt).toBeNull();

    connection.emit("notifications:read", { ids: ["n3"], upToSeq: null, unreadCount: 2 });

    expect(client.getState().unreadCount).toBe(2);
    expect(client.getState().notifications[0]?.readAt).not.toBeNull();
  });

  it("applies read state from another tab up to a seq", async () => {
    const { client, connections } = createClient();
    const connection = await startWithBatch(client, connections, 5);

    connection.emit("notifications:read", { ids: [], upToSeq: 4, unreadCount: 1 });

    const unread = client
      .getState()
      .notifications.filter((n) => n.readAt === null)
      .map((n) => n.seq);
    expect(unread).toEqual([5]);
    expect(client.getState().unreadCount).toBe(1);
  });

  it("marks all read when the server reports none unread", async () => {
    const { client, connections } = createClient({
      sync: () => ({ notifications: [], unreadCount: 0, lastSeq: 3, hasMore: false }),
    });
    await startWithBatch(client, connections, 3, 3);

    await vi.waitFor(() => expect(client.getState().unreadCount).toBe(0));
    expect(client.getState().notifications).toHaveLength(3);
    expect(client.getState().notifications.filter((n) => n.readAt === null)).toEqual([]);
  });

  it("marks all read up to the highest seq shown", async () => {
    const { client, connections } = createClient();
    const connection = await startWithBatch(client, connections, 5);
    connection.emit("notification:new", { notification: makeNotification(6), unreadCount: 6 });

    await client.markAllAsRead();

    expect(connection.invocations.at(-1)).toEqual({ method: "MarkAllRead", args: [6] });
  });

  it("syncs from the last seen seq after a reconnect", async () => {
    const server: FakeServer = {
      sync: (afterSeq) =>
        afterSeq === 3
          ? { notifications: [4, 5, 6].map((seq) => makeNotification(seq)), unreadCount: 6, lastSeq: 6, hasMore: false }
          : { notifications: [], unreadCount: 6, lastSeq: 6, hasMore: false },
    };
    const { client, connections } = createClient(server);
    const arrivals = vi.fn();
    client.onArrival(arrivals);
    const connection = await startWithBatch(client, connections, 3);
    await vi.waitFor(() => expect(client.getState().unreadCount).toBe(6));
    connection.invocations.length = 0;

    await connection.reconnect();

    await vi.waitFor(() => expect(connection.invocations).toContainEqual({ method: "Sync", args: [6, 100] }));
    expect(client.getState().notifications.map((n) => n.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(arrivals).not.toHaveBeenCalled();
  });

  it("syncs when a live seq skips ahead", async () => {
    let serverLastSeq = 3;
    const { client, connections } = createClient({
      sync: (afterSeq) => {
        const notifications = [];
        for (let seq = afterSeq + 1; seq <= serverLastSeq; seq++) {
          notifications.push(makeNotification(seq));
        }

        return { notifications, unreadCount: serverLastSeq, lastSeq: serverLastSeq, hasMore: false };
      },
    });
    const connection = await startWithBatch(client, connections, 3);
    await vi.waitFor(() => expect(client.getState().unreadCount).toBe(3));
    connection.invocations.length = 0;

    // Seqs 4 and 5 were stored while live delivery was down, so only 6 arrives live.
    serverLastSeq = 6;
    connection.emit("notification:new", { notification: makeNotification(6), unreadCount: 6 });

    await vi.waitFor(() => expect(client.getState().notifications.map((n) => n.seq)).toEqual([6, 5, 4, 3, 2, 1]));
    expect(connection.invocations).toEqual([{ method: "Sync", args: [3, 100] }]);
  });

  it("loops Sync while hasMore", async () => {
    const server: FakeServer = {
      sync: (afterSeq, limit) => {
        const last = Math.min(afterSeq + limit, 250);
        const notifications = [];
        for (let seq = afterSeq + 1; seq <= last; seq++) {
          notifications.push(makeNotification(seq));
        }

        return { notifications, unreadCount: 250, lastSeq: 250, hasMore: last < 250 };
      },
    };
    const { client, connections } = createClient(server, { batchWaitMs: 5 });

    client.start();

    await vi.waitFor(() => expect(client.getState().notifications).toHaveLength(250));
    expect(connections[0]!.invocations.map((call) => call.args[0])).toEqual([0, 100, 200]);
  });

  it("gets a fresh token for every connect", async () => {
    const { client, connections } = createClient();
    const connection = await startWithBatch(client, connections, 1);

    await connection.reconnect();

    expect(connection.tokens).toEqual(["token-1", "token-2"]);
  });

  it("restarts after the reconnect policy gives up", async () => {
    const { client, connections } = createClient();
    const first = await startWithBatch(client, connections, 2);

    first.close();

    expect(client.getState().status).toBe("disconnected");
    await vi.waitFor(() => expect(connections).toHaveLength(2));
    await vi.waitFor(() => expect(connections[1]!.invocations[0]).toEqual({ method: "Sync", args: [2, 100] }));
    expect(client.getState().status).toBe("connected");
    expect(connections[1]!.tokens).toEqual(["token-2"]);
  });

  it("restarts at once when the browser is back online", async () => {
    const { client, connections } = createClient({}, { restart: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    await startWithBatch(client, connections, 1);
    connections[0]!.close();
    expect(client.getState().status).toBe("disconnected");

    window.dispatchEvent(new Event("online"));

    await vi.waitFor(() => expect(connections).toHaveLength(2));
    await vi.waitFor(() => expect(client.getState().status).toBe("connected"));
  });

  it("ignores events after stop", async () => {
    const { client, connections } = createClient();
    const connection = await startWithBatch(client, connections, 2);
    await vi.waitFor(() => expect(client.getState().status).toBe("connected"));
    const before = client.getState();

    await client.stop();
    connection.emit("notification:new", { notification: makeNotification(3), unreadCount: 3 });

    expect(client.getState().status).toBe("idle");
    expect(client.getState().unreadCount).toBe(before.unreadCount);
    expect(client.getState().notifications).toHaveLength(2);
    expect(connection.stopCount).toBe(1);
  });

  it("retries a failed start with backoff", async () => {
    let attempts = 0;
    const { client, connections } = createClient(
      {},
      { batchWaitMs: 5, accessTokenFactory: () => (++attempts < 3 ? Promise.reject(new Error("no token")) : "ok") },
    );

    client.start();

    await vi.waitFor(() => expect(client.getState().status).toBe("connected"));
    expect(connections).toHaveLength(3);
  });

  it("opens no connection when stopped in the same task", async () => {
    const { client, connections } = createClient();

    client.start();
    await client.stop();
    client.start();

    await vi.waitFor(() => expect(connections[0]?.startCount).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connections).toHaveLength(1);
  });

  it("loads older pages before the oldest shown", async () => {
    const { client, connections } = createClient({
      getPage: (beforeSeq) => ({ notifications: newestFirst(1, beforeSeq - 1), unreadCount: 30, hasMore: false }),
    });
    const connection = await startWithBatch(client, connections, 30);
    expect(client.getState().hasMore).toBe(true);

    await client.loadMore();

    expect(connection.invocations.at(-1)).toEqual({ method: "GetPage", args: [11, 20] });
    expect(client.getState().notifications).toHaveLength(30);
    expect(client.getState().hasMore).toBe(false);
  });
});
