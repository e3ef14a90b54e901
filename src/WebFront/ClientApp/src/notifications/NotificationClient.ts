import { computeBackoffDelay, createRetryPolicy, DefaultBackoffOptions, type BackoffOptions } from "./backoff";
import { createSignalRConnection, type HubConnectionFactory, type HubConnectionLike } from "./hubConnection";
import { NotificationInbox } from "./NotificationInbox";
import {
  HubEvents,
  HubMethods,
  MaxPageSize,
  MinPageSize,
  type ConnectionStatus,
  type Notification,
  type NotificationNewEvent,
  type NotificationsBatchEvent,
  type NotificationsReadEvent,
  type PageResult,
  type SyncResult,
} from "./types";

export const DefaultHubUrl = "/hubs/notifications";

export interface NotificationClientOptions {
  /** Hub address. Default `/hubs/notifications`. */
  hubUrl?: string;
  /** Returns a token for the signed-in user. Called before every connect and reconnect attempt. */
  accessTokenFactory: () => string | Promise<string>;
  /** Creates the hub connection. Default: a real SignalR connection. Tests pass a fake. */
  connectionFactory?: HubConnectionFactory;
  /** Backoff of SignalR's automatic reconnect, which gives up after `maxRetries`. */
  reconnect?: Partial<BackoffOptions>;
  /** Backoff of the client's own restarts after SignalR gave up. These never give up while the client runs. */
  restart?: Partial<Omit<BackoffOptions, "maxRetries">>;
  /** Page size of `loadMore`, 1 to 100. Default 20. */
  pageSize?: number;
  /** Page size of the catch-up `Sync` calls, 1 to 100. Default 100. */
  syncPageSize?: number;
  /** Upper bound on `Sync` calls in one catch-up. Default 20, enough for an inbox of 2,000 at page size 100. */
  maxSyncPages?: number;
  /**
   * How long a client that has seen nothing yet waits for the connection's `notifications:batch` before its first
   * `Sync`, in milliseconds. The batch sets the starting point, so that the first `Sync` does not page through the
   * whole inbox from seq 0. Default 3,000.
   */
  batchWaitMs?: number;
  /** Receives errors that the client recovers from (failed start, failed sync). Default: `console.warn`. */
  onError?: (error: unknown) => void;
  /** Random source for jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** A consistent view of the inbox and the connection, replaced as a whole on every change. */
export interface NotificationState {
  /** Notifications held by this tab, newest first. */
  notifications: readonly Notification[];
  /** The server's unread count, as carried by its latest event or result. */
  unreadCount: number;
  status: ConnectionStatus;
  /**
   * Whether the current connection is registered for live delivery: true once its `notifications:batch` arrived,
   * because the server sends the batch only after that registration. Anything sent later arrives live.
   */
  live: boolean;
  /** Whether the server has notifications older than the oldest one in this tab. */
  hasMore: boolean;
  loadingMore: boolean;
}

type Listener = () => void;
type ArrivalListener = (notification: Notification) => void;

/**
 * Owns one SignalR connection to the notification hub and keeps an inbox in step with the server. It catches up with
 * `Sync` after every connect and reconnect and drops duplicates by id. When SignalR's automatic reconnect gives up, it
 * starts a new connection of its own. It uses no framework: React binds to it through `subscribe` and `getState`.
 */
export class NotificationClient {
  private readonly options: NotificationClientOptions;
  private readonly inbox = new NotificationInbox();
  private readonly listeners = new Set<Listener>();
  private readonly arrivalListeners = new Set<ArrivalListener>();
  private state: NotificationState;

  private running = false;
  private connection: HubConnectionLike | null = null;
  // Incremented for each new connection and on stop, so that callbacks of an old connection are ignored.
  private generation = 0;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private restartAttempt = 0;
  private batchReceived = false;
  private batchWaiters: Array<() => void> = [];
  // The generation whose catch-up is running, or -1, so that Sync calls of one connection never overlap.
  private catchUpGeneration = -1;
  private catchUpRequested = false;

  constructor(options: NotificationClientOptions) {
    this.options = options;
    this.state = { notifications: [], unreadCount: 0, status: "idle", live: false, hasMore: false, loadingMore: false };
  }

  getState = (): NotificationState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Registers a listener for live arrivals (`notification:new` with an id not seen before). Catch-up never calls it. */
  onArrival(listener: ArrivalListener): () => void {
    this.arrivalListeners.add(listener);
    return () => this.arrivalListeners.delete(listener);
  }

  /**
   * Starts connecting. The connection opens in a later task, so a `stop` in the same task cancels it before any
   * network traffic. React StrictMode runs an effect, its cleanup and the effect again in one go, and this turns that
   * into one connection.
   */
  start(): void {
    if (this.running) {
      return;
    }

    this.running = true;
    this.setState({ status: "connecting", live: false });
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      void this.connect();
    }, 0);
    if (typeof window !== "undefined") {
      window.addEventListener("online", this.handleOnline);
    }
  }

  /** Stops the connection and any pending restart. The inbox is kept, so a later `start` resumes from it. */
  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    this.clearTimers();
    this.resolveBatchWaiters();
    if (typeof window !== "undefined") {
      window.removeEventListener("online", this.handleOnline);
    }

    const connection = this.connection;
    this.connection = null;
    this.setState({ status: "idle", live: false });
    if (connection !== null) {
      await connection.stop().catch((error: unknown) => this.reportError(error));
    }
  }

  /** Marks notifications read. The unread count changes when the server's `notifications:read` event arrives. */
  async markAsRead(ids: string | readonly string[]): Promise<number> {
    const list = typeof ids === "string" ? [ids] : [...ids];
    if (list.length === 0) {
      return this.state.unreadCount;
    }

    return this.requireConnection().invoke<number>(HubMethods.MarkRead, list);
  }

  /**
   * Marks read everything up to the highest seq shown here. A notification that reaches the server after that stays
   * unread, so nothing the person has not seen is marked read.
   */
  async markAllAsRead(): Promise<number> {
    const upToSeq = this.inbox.highestSeq;
    if (upToSeq === 0) {
      return this.state.unreadCount;
    }

    return this.requireConnection().invoke<number>(HubMethods.MarkAllRead, upToSeq);
  }

  /** Loads the next page of older notifications with `GetPage`. Does nothing while a page is loading. */
  async loadMore(): Promise<void> {
    if (this.state.loadingMore) {
      return;
    }

    const connection = this.requireConnection();
    this.setState({ loadingMore: true });
    try {
      const pageSize = clampPageSize(this.options.pageSize ?? 20);
      const page = await connection.invoke<PageResult>(HubMethods.GetPage, this.inbox.lowestSeq, pageSize);
      this.inbox.merge(page.notifications);
      this.setState({ hasMore: page.hasMore, unreadCount: page.unreadCount });
    } finally {
      this.setState({ loadingMore: false });
    }
  }

  private async connect(): Promise<void> {
    if (!this.running) {
      return;
    }

    const generation = ++this.generation;
    const reconnect = { ...DefaultBackoffOptions, ...this.options.reconnect };
    const factory = this.options.connectionFactory ?? createSignalRConnection;
    const connection = factory({
      url: this.options.hubUrl ?? DefaultHubUrl,
      accessTokenFactory: () => this.options.accessTokenFactory(),
      retryPolicy: createRetryPolicy(reconnect, this.options.random),
    });
    this.connection = connection;
    this.batchReceived = false;
    this.registerHandlers(connection, generation);

    try {
      await connection.start();
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }

      this.reportError(error);
      this.connection = null;
      this.scheduleRestart();
      return;
    }

    if (generation !== this.generation) {
      return;
    }

    this.restartAttempt = 0;
    this.setState({ status: "connected" });
    await this.requestCatchUp();
  }

  private registerHandlers(connection: HubConnectionLike, generation: number): void {
    const current = () => generation === this.generation;

    connection.on(HubEvents.NotificationNew, (payload) => {
      if (current()) {
        this.handleNew(payload as NotificationNewEvent);
      }
    });
    connection.on(HubEvents.NotificationsBatch, (payload) => {
      if (current()) {
        this.handleBatch(payload as NotificationsBatchEvent);
      }
    });
    connection.on(HubEvents.NotificationsRead, (payload) => {
      if (current()) {
        this.inbox.applyRead(payload as NotificationsReadEvent);
        this.setState({ unreadCount: (payload as NotificationsReadEvent).unreadCount });
      }
    });

    connection.onreconnecting(() => {
      if (current()) {
        // The server sends a new batch on the new connection.
        this.batchReceived = false;
        this.setState({ status: "reconnecting", live: false });
      }
    });
    connection.onreconnected(() => {
      if (current()) {
        this.setState({ status: "connected" });
        void this.requestCatchUp();
      }
    });
    connection.onclose((error) => {
      if (current() && this.running) {
        if (error !== undefined) {
          this.reportError(error);
        }

        this.connection = null;
        this.scheduleRestart();
      }
    });
  }

  private handleNew(event: NotificationNewEvent): void {
    const isNew = this.inbox.merge([event.notification]) > 0;
    this.setState({ unreadCount: event.unreadCount });
    if (event.notification.seq > this.inbox.cursor) {
      // A seq beyond the cursor means that live delivery skipped some, for example while a silo restarted.
      void this.requestCatchUp();
    }

    if (isNew) {
      for (const listener of this.arrivalListeners) {
        listener(event.notification);
      }
    }
  }

  private handleBatch(event: NotificationsBatchEvent): void {
    const wasEmpty = this.inbox.size === 0;
    const coversOldest = wasEmpty || event.notifications.some((n) => n.seq <= this.inbox.lowestSeq);
    if (this.inbox.cursor === 0 && wasEmpty) {
      // A client that has seen nothing starts from the newest page, and older pages come from loadMore.
      this.inbox.advanceCursorTo(event.lastSeq);
    }

    // NOTE: read state that changed while this tab was disconnected reaches only the notifications in the batch (the
    // newest 20), unless the unread count is 0. Older ones held here can still show as unread until the page reloads.
    this.inbox.merge(event.notifications);
    this.markReadWhenNoneUnread(event.unreadCount, event.lastSeq);
    this.setState({
      unreadCount: event.unreadCount,
      hasMore: coversOldest ? event.hasMore : this.state.hasMore,
      live: true,
    });
    this.batchReceived = true;
    this.resolveBatchWaiters();
    if (event.lastSeq > this.inbox.cursor) {
      void this.requestCatchUp();
    }
  }

  /**
   * Runs a catch-up on the current connection once it is connected. A request that comes while one runs makes it
   * run once more at its end.
   */
  private async requestCatchUp(): Promise<void> {
    const generation = this.generation;
    if (this.catchUpGeneration === generation) {
      this.catchUpRequested = true;
      return;
    }

    this.catchUpGeneration = generation;
    try {
      do {
        this.catchUpRequested = false;
        const connection = this.connection;
        if (connection === null || generation !== this.generation || this.state.status !== "connected") {
          return;
        }

        await this.catchUp(connection, generation);
      } while (this.catchUpRequested);
    } finally {
      if (this.catchUpGeneration === generation) {
        this.catchUpGeneration = -1;
      }
    }
  }

  /** Calls `Sync(cursor, limit)` until the server has nothing newer, merging each page without toasts. */
  private async catchUp(connection: HubConnectionLike, generation: number): Promise<void> {
    try {
      if (this.inbox.cursor === 0 && !this.batchReceived) {
        await this.waitForBatch(this.options.batchWaitMs ?? 3000);
      }

      const limit = clampPageSize(this.options.syncPageSize ?? MaxPageSize);
      const maxPages = this.options.maxSyncPages ?? 20;
      for (let page = 0; page < maxPages && generation === this.generation; page++) {
        const result = await connection.invoke<SyncResult>(HubMethods.Sync, this.inbox.cursor, limit);
        if (generation !== this.generation) {
          return;
        }

        this.inbox.merge(result.notifications);
        this.inbox.advanceCursorTo(Math.max(0, ...result.notifications.map((n) => n.seq)));
        if (!result.hasMore) {
          // Sync returned everything up to lastSeq, so nothing below it is missing.
          this.inbox.advanceCursorTo(result.lastSeq);
        }

        this.markReadWhenNoneUnread(result.unreadCount, result.lastSeq);
        this.setState({ unreadCount: result.unreadCount });
        if (!result.hasMore) {
          return;
        }
      }
    } catch (error) {
      // A dropped connection fails the call, and the reconnect that follows runs the catch-up again.
      if (generation === this.generation) {
        this.reportError(error);
      }
    }
  }

  // An unread count of 0 at lastSeq means every notification up to it is read, including those whose
  // notifications:read event this tab missed while disconnected.
  private markReadWhenNoneUnread(unreadCount: number, lastSeq: number): void {
    if (unreadCount === 0) {
      this.inbox.applyRead({ ids: [], upToSeq: lastSeq, unreadCount });
    }
  }

  private waitForBatch(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }

      this.batchWaiters.push(done);
    });
  }

  private resolveBatchWaiters(): void {
    const waiters = this.batchWaiters;
    this.batchWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private scheduleRestart(): void {
    const restart = { ...DefaultBackoffOptions, ...this.options.restart, maxRetries: null };
    const delay = computeBackoffDelay(this.restartAttempt++, restart, this.options.random);
    this.setState({ status: "disconnected", live: false });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.connect();
    }, delay);
  }

  // A browser that comes back online restarts a given-up connection at once instead of waiting out the backoff.
  private handleOnline = (): void => {
    if (this.running && this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
      void this.connect();
    }
  };

  private requireConnection(): HubConnectionLike {
    if (this.connection === null || this.state.status !== "connected") {
      throw new Error(`The notification hub is not connected (status: ${this.state.status}).`);
    }

    return this.connection;
  }

  private clearTimers(): void {
    if (this.startTimer !== null) {
      clearTimeout(this.startTimer);
      this.startTimer = null;
    }

    if (this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
  }

  private setState(patch: Partial<Omit<NotificationState, "notifications">>): void {
    this.state = { ...this.state, ...patch, notifications: this.inbox.list };
    for (const listener of this.listeners) {
      listener();
    }
  }

  private reportError(error: unknown): void {
    (this.options.onError ?? ((e: unknown) => console.warn("Notification client:", e)))(error);
  }
}

function clampPageSize(size: number): number {
  return Math.min(MaxPageSize, Math.max(MinPageSize, Math.trunc(size)));
}
