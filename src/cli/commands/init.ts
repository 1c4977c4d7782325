import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../../errors.js";
import type { Paint } from "../../format/paint.js";
import { conflicts, type PlannedFile, planInit, type TemplateFile } from "../../init/plan.js";
import { pagesUrl, type RepoInfo, repoInfo } from "../../init/repo-info.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, shownPath, UsageError } from "../io.js";
import { packageRoot } from "../package-root.js";

export const usage = "launchgate init [--force] [--dir DIR]";
export const summary =
  "write .github/launchgate.yml, gate templates, the issue form and the workflows into a repository; never overwrites without --force";

export const flags: FlagHelp[] = [
  { name: "force", default: "off: existing files are never overwritten", text: "overwrite files that exist" },
  { name: "dir", value: "DIR", default: ". (the current directory)", text: "the repository to set up" },
];
export const exits = { 0: "the files were written" };

const TEMPLATE_DIRS = ["gates", "issue-forms", "workflows"];

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { force: { type: "boolean", default: false }, dir: { type: "string" } },
  });
  const dir = resolve(io.cwd, values.dir ?? ".");
  const shown = shownPath(io.cwd, values.dir ?? ".");
  await requireDirectory(dir, shown);

  const info = await readRepoInfo(dir);
  const files = planInit(await readTemplates(packageRoot()), info);
  const existing = new Set<string>();
  for (const file of files) {
    const found = await lstat(join(dir, file.path)).catch(() => null);
    if (found?.isDirectory())
      throw new InputError("is a directory, where launchgate init writes a file", {
        file: file.path,
        fix: "move it aside; nothing was written",
      });
    if (found) existing.add(file.path);
  }
  const clashes = conflicts(files, existing);
  if (clashes.length > 0 && !values.force) {
    io.stderr(
      [
        `launchgate init: ${clashes.length} file(s) already exist; nothing was written:`,
        ...clashes.map((path) => `  ${path}`),
        "Move them aside, or run again with --force to overwrite them.",
        "",
      ].join("\n"),
    );
    return 2;
  }
  await writeAll(dir, files);

  const out = [
    `launchgate init: wrote ${files.length} files in ${shown}`,
    ...files.map((f) => `  ${paint("green", "+")} ${f.path}${existing.has(f.path) ? " (overwritten)" : ""}`),
    "",
    `default branch: ${info.defaultBranch} (${branchNote(info)}) — the release base in .github/launchgate.yml`,
    info.owner && info.repo
      ? `repository: ${info.owner}/${info.repo} — status site at ${pagesUrl(info.owner, info.repo)}`
      : "repository: no GitHub remote origin found; edit the site URL in .github/launchgate.yml",
    "",
    "next:",
    "  1. Replace the @your-org/… approvers in .github/gates/*.md and delete the gates you do not need.",
    "  2. Set launch.date in .github/launchgate.yml when you know your launch day.",
    "     Add error-rate and crash-rate samples to launch/metrics.yml as monitoring reports them.",
    "  3. Commit, push, and make `launchgate / gates` a required check (Settings → Rules → Rulesets).",
    "  4. For the weekly site: Settings → Pages → Source: GitHub Actions.",
    "  5. Run `npx launchgate doctor` to check the setup.",
    "",
  ];
  io.stdout(out.join("\n"));
  return 0;
}

function branchNote(info: RepoInfo): string {
  if (info.branchSource === "origin/HEAD") return "from origin/HEAD";
  if (info.branchSource === "HEAD") return "the checked-out branch; no origin/HEAD";
  return "no git repository found; assumed";
}

async function requireDirectory(dir: string, shown: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new UsageError(`${shown} is not a directory`, { fix: "pass --dir DIR of a repository" });
}

async function readOptional(path: string): Promise<string | null> {
  return readFile(path, "utf8").catch(() => null);
}

/** `.git` is a directory, or in worktrees and submodules a file `gitdir: PATH` (config in its commondir). */
async function readRepoInfo(dir: string): Promise<RepoInfo> {
  let gitDir = join(dir, ".git");
  let commonDir = gitDir;
  const pointer = (await lstat(gitDir).catch(() => null))?.isFile() ? await readOptional(gitDir) : null;
  const target = pointer?.match(/^gitdir:\s*(.+)$/m)?.[1]?.trim();
  if (target) {
    gitDir = resolve(dir, target);
    const common = (await readOptional(join(gitDir, "commondir")))?.trim();
    commonDir = common ? resolve(gitDir, common) : gitDir;
  }
  return repoInfo({
    originHead: await readOptional(join(commonDir, "refs", "remotes", "origin", "HEAD")),
    head: await readOptional(join(gitDir, "HEAD")),
    config: await readOptional(join(commonDir, "config")),
  });
}

async function readTemplates(root: string): Promise<TemplateFile[]> {
  const base = join(root, "templates");
  const templates: TemplateFile[] = [];
  for (const name of ["launchgate.yml", "metrics.yml"]) {
    templates.push({ path: name, text: await readFile(join(base, name), "utf8") });
  }
  for (const sub of TEMPLATE_DIRS) {
    const names = await readdir(join(base, sub)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const path = join(base, sub, name);
      if ((await stat(path)).isFile()) templates.push({ path: `${sub}/${name}`, text: await readFile(path, "utf8") });
    }
  }
  return templates;
}

/**
 * All or nothing: every file is written next to its destination first, and only when all of them
 * are on disk are they renamed into place, so a failed write (permissions, disk full) leaves the
 * repository as it was.
 */
async function writeAll(dir: string, files: readonly PlannedFile[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const file of files) {
      const path = join(dir, file.path);
      const tmp = `${path}.launchgate-${process.pid}.tmp`;
      await mkdir(dirname(path), { recursive: true });
      staged.push({ tmp, path });
      await writeFile(tmp, file.text, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw new InputError(`cannot write ${staged.at(-1)?.path ?? dir}: ${(error as Error).message}`, {
      fix: "nothing was written; check the directory's permissions",
    });
  }
  for (const { tmp, path } of staged) await rename(tmp, path);
}
