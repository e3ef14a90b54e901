import { describe, expect, it } from "vitest";
import { toSafeHref } from "../src/notifications";

const origin = "http://app.test";

describe("toSafeHref", () => {
  it.each([
    ["/orders/7", "http://app.test/orders/7"],
    ["/search?q=a#top", "http://app.test/search?q=a#top"],
    ["https://example.com/x", "https://example.com/x"],
    ["HTTP://example.com", "http://example.com/"],
  ])("accepts %s", (url, expected) => {
    expect(toSafeHref(url, origin)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "orders/7",
    "ftp://example.com",
    "",
    null,
    42,
  ])("rejects %j", (url) => {
    expect(toSafeHref(url, origin)).toBeNull();
  });
});
