// `astro build` for site/, one at a time: every build writes site/.astro/ (generated modules that
// the bundler reads back), so two concurrent builds — parallel tests, a demo next to a test run —
// could read each other's half-written files. A directory lock (atomic mkdir) holding the owner's
// pid serializes them; a lock whose owner died is taken over. Arguments are passed on to astro.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const siteDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const astro = path.join(siteDir, "node_modules", "astro", "bin", "astro.mjs");
const lock = path.join(siteDir, "node_modules", ".launchgate-build.lock");
const WAIT_MS = 15 * 60_000;

async function acquire() {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, "pid"), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => ""));
    if (owner && !alive(owner)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another site build holds ${lock}; remove it if no build is running`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// The RSS feed needs absolute links; without a configured origin they would point at localhost.
if (!process.env.LAUNCHGATE_SITE) {
  process.stderr.write(
    "launchgate site: warning: no site URL configured, so the RSS feed's links point at http://localhost:4321/. " +
      "Fix: pass --site https://OWNER.github.io (or set LAUNCHGATE_SITE).\n",
  );
}

await acquire();
let child;
const release = () => rm(lock, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    child?.kill(signal);
    await release();
    process.exit(130);
  });
}
try {
  const code = await new Promise((resolve, reject) => {
    child = spawn(process.execPath, [astro, "build", ...process.argv.slice(2)], {
      cwd: siteDir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("close", (status) => resolve(status ?? 1));
  });
  process.exitCode = code;
} finally {
  await release();
}
