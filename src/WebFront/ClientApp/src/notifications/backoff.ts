import type { IRetryPolicy, RetryContext } from "@microsoft/signalr";

/** Exponential backoff with jitter. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. Default 500. */
  initialDelayMs: number;
  /** Upper bound of any delay, in milliseconds. Default 30,000. */
  maxDelayMs: number;
  /** Factor between two consecutive delays. Default 2. */
  multiplier: number;
  /** Share of each delay that is random, from 0 (none) to 1 (full jitter). Default 0.5. */
  jitter: number;
  /** Retries before giving up, or null to retry forever. Default 8. */
  maxRetries: number | null;
}

export const DefaultBackoffOptions: BackoffOptions = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.5,
  maxRetries: 8,
};

/**
 * Computes the delay before retry number `attempt` (0-based): `initialDelayMs * multiplier^attempt`, capped at
 * `maxDelayMs`, then reduced by up to `jitter` of itself at random so that many clients that lost the same server do
 * not all come back in the same instant.
 */
export function computeBackoffDelay(
  attempt: number,
  options: BackoffOptions = DefaultBackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = options.initialDelayMs * Math.pow(options.multiplier, Math.max(0, attempt));
  const capped = Math.min(options.maxDelayMs, exponential);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(capped * (1 - jitter * random()));
}

/** Creates a SignalR retry policy that follows `options` and returns null (give up) after `maxRetries` retries. */
export function createRetryPolicy(
  options: BackoffOptions = DefaultBackoffOptions,
  random: () => number = Math.random,
): IRetryPolicy {
  return {
    nextRetryDelayInMilliseconds(context: RetryContext): number | null {
      if (options.maxRetries !== null && context.previousRetryCount >= options.maxRetries) {
        return null;
      }

      return computeBackoffDelay(context.previousRetryCount, options, random);
    },
  };
}
