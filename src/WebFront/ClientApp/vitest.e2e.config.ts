import { defineConfig } from "vitest/config";

// Browser tests against the real system that scripts/run.sh starts (or E2E_BASE_URL, when set).
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    // One browser and one backend on a 2-core machine: run the files one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
