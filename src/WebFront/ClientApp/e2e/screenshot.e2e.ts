import { resolve } from "node:path";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser, openInbox, sendNotification } from "./support";
import type { Browser } from "playwright-core";

// Writes the README's picture of the open bell with a toast: SCREENSHOT_PATH=../../../docs/bell.png.
const screenshotPath = process.env.SCREENSHOT_PATH;
const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  if (screenshotPath !== undefined) {
    browser = await launchBrowser();
  }
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(screenshotPath === undefined)("screenshot", () => {
  it("captures the open bell and a toast", async () => {
    const user = `alice-${Date.now().toString(36)}`;
    const context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    const page = await openInbox(context, baseUrl, user);
    const earlier = [
      { type: "payment:processed", title: "Payment received", body: "Invoice 2041 was paid: 129.00 EUR." },
      { type: "task:assigned", title: "Task assigned to you", body: "Update the on-call runbook before Friday." },
      { type: "mention:comment", title: "Dana mentioned you", body: "@alice could you check the retry numbers?" },
      {
        type: "order:status_changed",
        title: "Order #1042 shipped",
        body: "Your parcel is on its way.",
        actionUrl: "/orders/1042",
      },
    ];
    for (const notification of earlier) {
      await sendNotification(baseUrl, user, notification);
    }

    await page.getByRole("button", { name: "Notifications, 4 unread", exact: true }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(5_500);
    await page.getByRole("button", { name: "Notifications, 4 unread", exact: true }).click();
    await page.getByText("Dana mentioned you").click();
    await page.getByRole("button", { name: "Notifications, 3 unread", exact: true }).waitFor({ timeout: 10_000 });
    await page.mouse.move(0, 0);
    await sendNotification(baseUrl, user, {
      type: "message:received",
      title: "New message from Sam",
      body: "Are we still on for 3 pm?",
    });
    await page.locator(".nb-toast").waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);

    await page.screenshot({ path: resolve(screenshotPath!) });
    await context.close();
  });
});
