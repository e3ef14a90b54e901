import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repoRoot = resolve(fileURLToPath(new URL("../../../..", import.meta.url)));
const readyTimeoutMs = Number(process.env.E2E_READY_TIMEOUT_S ?? 600) * 1000;
const stopTimeoutMs = 30_000;

/**
 * Starts scripts/run.sh on a free loopback port in its own process group, waits for its `READY <url>` line, and stops
 * the group with SIGTERM when the tests end. With E2E_BASE_URL set, uses that running system instead.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.E2E_BASE_URL;
  if (external !== undefined && external !== "") {
    project.provide("baseUrl", external.replace(/\/$/, ""));
    return;
  }

  const port = await findFreePort();
  const runDir = await mkdtemp(join(tmpdir(), "client-e2e-"));
  const log = createWriteStream(join(runDir, "run.log"));
  const child = spawn("bash", [join(repoRoot, "scripts/run.sh")], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      WEBFRONT_PORT: String(port),
      RUN_DIR: join(runDir, "system"),
      ...(process.env.E2E_SKIP_BUILD === "1" ? { SKIP_BUILD: "1" } : {}),
    },
  });
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);
  child.stderr?.pipe(log);

  let baseUrl: string;
  try {
    baseUrl = await waitForReady(child, log);
  } catch (error) {
    await stopGroup(child);
    throw new Error(`${(error as Error).message} The run log is in ${join(runDir, "run.log")}.`, { cause: error });
  }

  console.log(`e2e: system ready at ${baseUrl} (logs in ${runDir})`);
  project.provide("baseUrl", baseUrl);

  return async () => {
    await stopGroup(child);
    process.off("exit", killOnExit);
    log.end();
    if (process.env.E2E_KEEP_LOGS !== "1") {
      await rm(runDir, { recursive: true, force: true });
    }
  };
}

function waitForReady(child: ChildProcess, log: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buffered = "";
    const timer = setTimeout(
      () => reject(new Error(`scripts/run.sh printed no READY line within ${readyTimeoutMs / 1000} s.`)),
      readyTimeoutMs,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString();
      const match = /^READY (http:\/\/\S+)$/m.exec(buffered);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`scripts/run.sh exited before READY (code ${code}, signal ${signal}).`));
    });
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }

  const exited = new Promise<boolean>((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), stopTimeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
  killGroup(child, "SIGTERM");
  if (!(await exited)) {
    console.warn(`e2e: scripts/run.sh did not stop within ${stopTimeoutMs / 1000} s of SIGTERM; sending SIGKILL.`);
    killGroup(child, "SIGKILL");
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }

  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
