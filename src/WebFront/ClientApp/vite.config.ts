import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The WebFront serves this folder as static files, with index.html as the default document at "/".
const outDir = fileURLToPath(new URL("../wwwroot", import.meta.url));

// The dev server forwards API and hub traffic to a WebFront started by scripts/run.sh.
const backend = process.env.WEBFRONT_URL ?? "http://127.0.0.1:5080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": backend,
      "/dev": backend,
      "/hubs": { target: backend, ws: true },
    },
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    restoreMocks: true,
    // Room for a busy 2-core machine: the slowest test takes about 2 s there.
    testTimeout: 15_000,
  },
});
