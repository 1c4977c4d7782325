import { InputError } from "../errors.js";
import { pagesUrl, type RepoInfo } from "./repo-info.js";

/** A file shipped in the package's `templates/` directory (path relative to it, `/`-separated). */
export interface TemplateFile {
  path: string;
  text: string;
}

/** A file `launchgate init` writes (path relative to the repository root). */
export interface PlannedFile {
  path: string;
  text: string;
  /** The template it came from, for the summary. */
  from: string;
}

/**
 * Where each kind of template goes in a repository. Workflows get a `launchgate-` prefix so they
 * never collide with a repository's own `ci.yml`; gate templates keep their names because the
 * config's default glob (`.github/gates/*.md`) picks them all up.
 */
export function destinationOf(templatePath: string): string | null {
  if (templatePath === "launchgate.yml") return ".github/launchgate.yml";
  if (templatePath === "metrics.yml") return METRICS_PATH;
  const [dir, name, ...rest] = templatePath.split("/");
  if (!name || rest.length > 0) return null;
  if (dir === "gates" && name.endsWith(".md")) return `.github/gates/${name}`;
  if (dir === "issue-forms" && /\.ya?ml$/.test(name)) return `.github/ISSUE_TEMPLATE/${name}`;
  if (dir === "workflows" && /\.ya?ml$/.test(name)) return `.github/workflows/launchgate-${name}`;
  return null;
}

/**
 * The metrics file init writes: launch data the team keeps up to date, next to the weekly notes
 * (`report.notes_dir`, launch/notes), and named by `metrics:` in the weekly workflow.
 */
export const METRICS_PATH = "launch/metrics.yml";

/** Where the published Action lives; templates may say OWNER/launchgate. */
export const ACTION_REPO = "launchgate/launchgate";

const BRANCH_LINE = /^(\s*base:\s*)\[main\](.*)$/m;
const SITE_PLACEHOLDER = "https://OWNER.github.io/REPO/";

/** A YAML flow-sequence item for a branch name: bare when plain, quoted otherwise. */
function yamlBranch(branch: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(branch) ? branch : JSON.stringify(branch);
}

/** The config template with the repository's default branch as the release base and its site URL. */
export function renderConfig(template: string, info: RepoInfo): string {
  if (!BRANCH_LINE.test(template)) {
    throw new InputError("the config template has no `base: [main]` line", {
      file: "templates/launchgate.yml",
      fix: "reinstall launchgate",
    });
  }
  let text = template.replace(BRANCH_LINE, (_all, key: string, rest: string) => {
    return `${key}[${yamlBranch(info.defaultBranch)}]${rest}`;
  });
  if (info.owner && info.repo) text = text.replace(SITE_PLACEHOLDER, pagesUrl(info.owner, info.repo));
  return text;
}

/**
 * A gate template with `main` in its front matter's `applies_to.base` replaced by the default
 * branch, so the gate applies to release PRs in a repository whose default branch is `master`.
 */
export function renderGate(template: string, info: RepoInfo): string {
  const end = template.startsWith("---\n") ? template.indexOf("\n---", 3) : -1;
  if (end < 0 || info.defaultBranch === "main") return template;
  const front = template.slice(0, end).replace(/^(\s*base:\s*\[)main([,\]])/m, (_all, open: string, close: string) => {
    return `${open}${yamlBranch(info.defaultBranch)}${close}`;
  });
  return front + template.slice(end);
}

/** Every file `launchgate init` writes, sorted by path: the config first, then the rest. */
export function planInit(templates: readonly TemplateFile[], info: RepoInfo): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const template of templates) {
    const path = destinationOf(template.path);
    if (!path) continue;
    const text =
      template.path === "launchgate.yml"
        ? renderConfig(template.text, info)
        : template.path.startsWith("gates/")
          ? renderGate(template.text, info)
          : template.text.replaceAll("OWNER/launchgate", ACTION_REPO);
    files.push({ path, text, from: `templates/${template.path}` });
  }
  if (!files.some((f) => f.path === ".github/launchgate.yml")) {
    throw new InputError("templates/launchgate.yml is missing from the package", { fix: "reinstall launchgate" });
  }
  return files.sort((a, b) =>
    a.path === ".github/launchgate.yml" ? -1 : b.path === ".github/launchgate.yml" ? 1 : a.path.localeCompare(b.path),
  );
}

/** The planned files that already exist: init writes nothing unless forced when there is any. */
export function conflicts(files: readonly PlannedFile[], existing: ReadonlySet<string>): string[] {
  return files.map((f) => f.path).filter((path) => existing.has(path));
}
