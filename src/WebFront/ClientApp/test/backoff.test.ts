import type { RetryContext } from "@microsoft/signalr";
import { describe, expect, it } from "vitest";
import { computeBackoffDelay, createRetryPolicy, DefaultBackoffOptions } from "../src/notifications";

function retry(previousRetryCount: number): RetryContext {
  return { previousRetryCount, elapsedMilliseconds: 0, retryReason: new Error("lost") };
}

describe("backoff", () => {
  it("doubles the delay up to the cap", () => {
    const noJitter = { ...DefaultBackoffOptions, jitter: 0 };

    const delays = [0, 1, 2, 3, 10].map((attempt) => computeBackoffDelay(attempt, noJitter));

    expect(delays).toEqual([500, 1000, 2000, 4000, 30_000]);
  });

  it("keeps jitter within its share", () => {
    expect(computeBackoffDelay(2, DefaultBackoffOptions, () => 0)).toBe(2000);
    expect(computeBackoffDelay(2, DefaultBackoffOptions, () => 0.999999)).toBe(1000);
  });

  it("retry policy gives up after maxRetries", () => {
    const policy = createRetryPolicy({ ...DefaultBackoffOptions, maxRetries: 3 }, () => 0);

    expect(policy.nextRetryDelayInMilliseconds(retry(2))).toBe(2000);
    expect(policy.nextRetryDelayInMilliseconds(retry(3))).toBeNull();
  });
});
