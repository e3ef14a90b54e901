import type { HubConnectionFactory, HubConnectionLike, HubConnectionSettings } from "../src/notifications";
import type { Notification, PageResult, SyncResult } from "../src/notifications";

type Handler = (payload: unknown) => void;

/** Server side of a fake hub: what `Sync`, `GetPage`, `MarkRead` and `MarkAllRead` return. */
export interface FakeServer {
  sync?: (afterSeq: number, limit: number) => SyncResult;
  getPage?: (beforeSeq: number, limit: number) => PageResult;
  markRead?: (ids: string[]) => number;
  markAllRead?: (upToSeq: number) => number;
}

/** A hub connection that runs in memory and records every call, for tests of the notification client. */
export class FakeHubConnection implements HubConnectionLike {
  readonly invocations: Array<{ method: string; args: unknown[] }> = [];
  readonly tokens: string[] = [];
  startCount = 0;
  stopCount = 0;
  failStart = false;
  private readonly handlers = new Map<string, Handler[]>();
  private closeCallbacks: Array<(error?: Error) => void> = [];
  private reconnectingCallbacks: Array<(error?: Error) => void> = [];
  private reconnectedCallbacks: Array<(connectionId?: string) => void> = [];

  constructor(
    readonly settings: HubConnectionSettings,
    private readonly server: FakeServer,
  ) {}

  async start(): Promise<void> {
    this.startCount++;
    this.tokens.push(await this.settings.accessTokenFactory());
    if (this.failStart) {
      throw new Error("Fake connection refused.");
    }
  }

  async stop(): Promise<void> {
    this.stopCount++;
  }

  on(eventName: string, handler: Handler): void {
    this.handlers.set(eventName, [...(this.handlers.get(eventName) ?? []), handler]);
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.invocations.push({ method, args });
    switch (method) {
      case "Sync":
        return (this.server.sync?.(args[0] as number, args[1] as number) ?? emptySync()) as T;
      case "GetPage":
        return (this.server.getPage?.(args[0] as number, args[1] as number) ?? emptyPage()) as T;
      case "MarkRead":
        return (this.server.markRead?.(args[0] as string[]) ?? 0) as T;
      case "MarkAllRead":
        return (this.server.markAllRead?.(args[0] as number) ?? 0) as T;
      default:
        throw new Error(`Unknown hub method ${method}.`);
    }
  }

  onclose(callback: (error?: Error) => void): void {
    this.closeCallbacks.push(callback);
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnectingCallbacks.push(callback);
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.reconnectedCallbacks.push(callback);
  }

  /** Delivers a server-to-client event. */
  emit(eventName: string, payload: unknown): void {
    for (const handler of this.handlers.get(eventName) ?? []) {
      handler(payload);
    }
  }

  /** Simulates SignalR's automatic reconnect: a drop, a fresh token, then a new connection. */
  async reconnect(): Promise<void> {
    this.reconnectingCallbacks.forEach((callback) => callback(new Error("Connection lost.")));
    this.tokens.push(await this.settings.accessTokenFactory());
    this.reconnectedCallbacks.forEach((callback) => callback("reconnected-id"));
  }

  /** Simulates SignalR giving up after its retry policy returned null. */
  close(error: Error = new Error("Reconnect policy gave up.")): void {
    this.closeCallbacks.forEach((callback) => callback(error));
  }
}

/** A connection factory that records every connection it creates. */
export function createFakeFactory(server: FakeServer = {}) {
  const connections: FakeHubConnection[] = [];
  const factory: HubConnectionFactory = (settings) => {
    const connection = new FakeHubConnection(settings, server);
    connections.push(connection);
    return connection;
  };

  return { factory, connections };
}

export function emptySync(lastSeq = 0): SyncResult {
  return { notifications: [], unreadCount: 0, lastSeq, hasMore: false };
}

export function emptyPage(): PageResult {
  return { notifications: [], unreadCount: 0, hasMore: false };
}

/** Builds a notification with seq `seq` and readable defaults. */
export function makeNotification(seq: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id: `n${seq}`,
    seq,
    type: "message:received",
    title: `Title ${seq}`,
    body: `Body ${seq}`,
    actionUrl: null,
    data: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    readAt: null,
    ...overrides,
  };
}

/** Builds notifications `from..to` (inclusive), newest first, as the batch and GetPage send them. */
export function newestFirst(from: number, to: number): Notification[] {
  const list: Notification[] = [];
  for (let seq = to; seq >= from; seq--) {
    list.push(makeNotification(seq));
  }

  return list;
}
