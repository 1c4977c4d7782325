import { parseConfig } from "../../config/load.js";
import type { Config } from "../../config/schema.js";
import type { GitHubClient } from "../../github/client.js";
import { getFile, type Repo } from "../../github/contents.js";

export interface LoadedConfig {
  config: Config;
  /** Where it came from, for the summary. */
  source: string;
}

/**
 * The config at the PR's base commit, so a pull request cannot loosen its own rules. A missing
 * file means every default; a broken one is an InputError naming line:column.
 */
export async function loadBaseConfig(
  client: GitHubClient,
  repo: Repo,
  path: string,
  baseSha: string,
): Promise<LoadedConfig> {
  const file = await getFile(client, repo, path, baseSha);
  const at = `${path} at base ${baseSha.slice(0, 7)}`;
  if (!file) return { config: parseConfig("", path), source: `defaults (no ${at})` };
  return { config: parseConfig(new TextDecoder().decode(file.bytes), path), source: at };
}
