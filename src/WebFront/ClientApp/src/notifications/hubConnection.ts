import { HubConnectionBuilder, LogLevel, type IRetryPolicy } from "@microsoft/signalr";

/**
 * The part of SignalR's `HubConnection` that the notification client uses. Tests pass a fake that implements it.
 */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  on(eventName: string, handler: (payload: unknown) => void): void;
  invoke<T>(methodName: string, ...args: unknown[]): Promise<T>;
  onclose(callback: (error?: Error) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
}

/** Settings for one hub connection. */
export interface HubConnectionSettings {
  url: string;
  /** Called by SignalR before every connect and reconnect attempt. */
  accessTokenFactory: () => string | Promise<string>;
  retryPolicy: IRetryPolicy;
}

export type HubConnectionFactory = (settings: HubConnectionSettings) => HubConnectionLike;

/**
 * Builds a real SignalR connection with automatic reconnect. SignalR sends the token as a bearer header where it can
 * and as the `access_token` query parameter for WebSockets and server-sent events.
 */
export const createSignalRConnection: HubConnectionFactory = (settings) =>
  new HubConnectionBuilder()
    .withUrl(settings.url, { accessTokenFactory: settings.accessTokenFactory })
    .withAutomaticReconnect(settings.retryPolicy)
    .configureLogging(LogLevel.Warning)
    .build();
