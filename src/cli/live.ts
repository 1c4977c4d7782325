import { InputError } from "../errors.js";
import { ApiError } from "../github/api-error.js";
import type { GitHubClient } from "../github/client.js";
import type { Repo } from "../github/contents.js";
import { DEFAULT_API_URL, endpointsForApi, endpointsFromEnv, type GitHubEndpoints } from "../github/endpoints.js";
import type { FlagHelp } from "./help.js";
import { type CliIO, UsageError } from "./io.js";
import { fetchProgress } from "./progress.js";

/**
 * The CLI's live data source: `--repo OWNER/NAME` with no export files reads the repository from
 * GitHub itself, through the fetchers the Action uses, with GH_TOKEN or GITHUB_TOKEN. `--api-url`
 * (or GITHUB_API_URL) points it at an Enterprise Server.
 */
export const liveFlagOptions = {
  repo: { type: "string" },
  "api-url": { type: "string" },
} as const;

/** `--repo`'s help: live without export files; `offline` says what it does beside them. */
export function repoFlagHelp(offline?: string): FlagHelp {
  const live = "read this repository live from GitHub (needs GH_TOKEN or GITHUB_TOKEN)";
  return {
    name: "repo",
    value: "OWNER/NAME",
    default: offline ? "taken from the issues' URLs" : "none: read the export files",
    text: offline ? `without export files: ${live}; with them: ${offline}` : `${live} instead of export files`,
  };
}

export const apiUrlFlag: FlagHelp = {
  name: "api-url",
  value: "URL",
  default: `GITHUB_API_URL, else ${DEFAULT_API_URL}`,
  text: "with --repo: the REST API of a GitHub Enterprise Server, e.g. https://ghe.example.com/api/v3",
};

export interface LiveSource {
  repo: Repo;
  endpoints: GitHubEndpoints;
  /** Runs a fetch with its progress on stderr and a last line saying what it cost. */
  read<T>(fetch: (client: GitHubClient, repo: Repo) => Promise<T>): Promise<T>;
}

/** The live source the flags ask for, or null when the export files are to be read. */
export function liveSource(
  flags: { repo?: string | undefined; "api-url"?: string | undefined; issues?: string | undefined },
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): LiveSource | null {
  if (flags["api-url"] !== undefined && flags.repo === undefined)
    throw new UsageError("--api-url only goes with --repo", { fix: "add --repo OWNER/NAME to read GitHub live" });
  // With export files, --repo only names the repository (as it always has for report).
  if (flags.repo === undefined || flags.issues !== undefined) return null;
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(flags.repo);
  if (!match) throw new UsageError(`--repo "${flags.repo}" is not OWNER/NAME`, { fix: "e.g. --repo acme/caro" });
  const repo = { owner: match[1] as string, repo: match[2] as string };
  const token = env.GH_TOKEN || env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError("--repo reads GitHub live and needs a token", {
      fix: "set GH_TOKEN or GITHUB_TOKEN (e.g. GH_TOKEN=$(gh auth token)), or pass export files with --issues",
    });
  const endpoints = flags["api-url"] !== undefined ? endpointsForApi(flags["api-url"]) : endpointsFromEnv(env);
  const name = `${repo.owner}/${repo.repo}`;
  const progress = fetchProgress(`launchgate: reading ${name} from ${endpoints.apiUrl}`, {
    isTTY: io.stderrTTY === true,
    write: (text) => io.stderr(text),
  });
  return {
    repo,
    endpoints,
    async read(fetch) {
      const started = Date.now();
      // Loaded only for a live read: the offline commands start without Octokit.
      const { createCliClient } = await import("../github/cli-client.js");
      const client = createCliClient({ token, ...endpoints, onRequest: (count) => progress.requests(count) }, env);
      let data: Awaited<ReturnType<typeof fetch>>;
      try {
        data = await fetch(client, repo);
      } catch (error) {
        // One line, like every input problem: what failed, and where to look.
        if (!(error instanceof ApiError)) throw error;
        throw new InputError(error.message, {
          fix: `check --repo, the token's access and --api-url (${endpoints.apiUrl}); re-run once GitHub is reachable`,
        });
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      progress.done(`launchgate: read ${name} in ${client.requests} requests, ${seconds} s`);
      return data;
    },
  };
}
