// Fails when the committed dist/ differs from a fresh build of src/ (the Action runs dist/).
import { execFileSync } from "node:child_process";

execFileSync("node", ["scripts/build.mjs"], { stdio: "inherit" });
const changed = execFileSync("git", ["status", "--porcelain", "--", "dist"], { encoding: "utf8" }).trim();
if (changed) {
  process.stderr.write(`dist/ is stale; run \`npm run build\` and commit dist/:\n${changed}\n`);
  process.exit(1);
}
process.stdout.write("dist/ is up to date\n");
