import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ChromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps connecting to Google's hosts, which a closed network rejects.
const ChromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Debian's Chromium. Playwright gives every launch a new empty `--user-data-dir` of its own and removes it
 * on close, and every `newContext` is a separate incognito-like session.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ChromiumPath, headless: true, args: ChromiumArgs });
}

/** Returns a user id that no other test run has used. */
export function uniqueUser(name: string): string {
  return `e2e-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Opens the demo page signed in as `userId` and waits until its connection is registered for live delivery, which
 * the arrival of the connection's batch marks. A connected status alone is not enough, because SignalR completes its
 * handshake before the server has subscribed the connection's user.
 */
export async function openInbox(context: BrowserContext, baseUrl: string, userId: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => console.warn(`e2e: page error for ${userId}: ${error.message}`));
  await page.goto(`${baseUrl}/?user=${encodeURIComponent(userId)}`);
  await page.locator('[data-status="connected"][data-live="true"]').waitFor({ timeout: 20_000 });
  return page;
}

export interface TestNotification {
  type: string;
  title: string;
  body: string;
  actionUrl?: string;
}

let serviceToken: string | undefined;

/** Sends a notification through the HTTP API as a service, the way another backend would. */
export async function sendNotification(baseUrl: string, userId: string, notification: TestNotification) {
  serviceToken ??= await fetchToken(baseUrl, { service: "e2e", scopes: ["notifications.send"] });
  const response = await fetch(`${baseUrl}/api/users/${encodeURIComponent(userId)}/notifications`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${serviceToken}` },
    body: JSON.stringify(notification),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 201) {
    throw new Error(`Sending to ${userId} failed with ${response.status}: ${await response.text()}`);
  }

  return (await response.json()) as { id: string; seq: number };
}

async function fetchToken(baseUrl: string, body: object): Promise<string> {
  const response = await fetch(`${baseUrl}/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`POST /dev/token failed with ${response.status}: ${await response.text()}`);
  }

  return ((await response.json()) as { token: string }).token;
}
