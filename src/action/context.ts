import * as core from "@actions/core";
import type { context as runnerContextType } from "@actions/github";
import { InputError } from "../errors.js";
import { EVENT_MODES, type Mode } from "../event-modes.js";
import type { Repo } from "../github/contents.js";
import { endpointsFromEnv } from "../github/endpoints.js";

/** Everything a mode needs from the runner: inputs, the event and where the API is. */
export interface ActionContext {
  mode: Mode;
  token: string;
  configPath: string;
  comment: boolean;
  checkName: string;
  eventName: string;
  payload: Record<string, unknown>;
  repo: Repo;
  sha: string;
  /** GITHUB_API_URL, GITHUB_GRAPHQL_URL and GITHUB_SERVER_URL: github.com, GHE.com or an Enterprise Server. */
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
}

/** The `mode` input, or the mode the event implies when it is `auto` or empty. */
export function resolveMode(input: string, eventName: string): Mode {
  const requested = input.trim().toLowerCase();
  if (requested === "gate" || requested === "triage" || requested === "report" || requested === "criteria")
    return requested;
  if (requested !== "" && requested !== "auto") {
    throw new InputError(`unknown mode "${input}"`, {
      file: "action input mode",
      fix: "use auto, gate, triage, report or criteria",
    });
  }
  const mode = EVENT_MODES[eventName];
  if (!mode) {
    throw new InputError(`no mode for the "${eventName}" event`, {
      file: "action input mode",
      fix: `set mode: gate, triage, report or criteria, or run on ${Object.keys(EVENT_MODES).join(", ")}`,
    });
  }
  return mode;
}

export async function readContext(): Promise<ActionContext> {
  const context = await runnerContext();
  const eventName = context.eventName ?? "";
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo)
    throw new InputError("GITHUB_REPOSITORY is not set", { fix: "run launchgate as a GitHub Action step" });
  const token = core.getInput("token");
  if (!token)
    throw new InputError("no token", {
      file: "action input token",
      fix: "pass the token input (its default is the workflow token, github.token)",
    });
  return {
    mode: resolveMode(core.getInput("mode"), eventName),
    token,
    configPath: core.getInput("config") || ".github/launchgate.yml",
    comment: (core.getInput("comment") || "true").trim().toLowerCase() !== "false",
    checkName: core.getInput("check-name") || "launchgate / gates",
    eventName,
    payload: context.payload as Record<string, unknown>,
    repo: { owner, repo },
    sha: context.sha ?? "",
    ...endpointsFromEnv(process.env),
  };
}

/**
 * `@actions/github`'s context: the event and its payload as the runner wrote them. It reads the
 * payload file when first loaded; a payload that is not JSON becomes a one-line error.
 */
async function runnerContext(): Promise<typeof runnerContextType> {
  try {
    return (await import("@actions/github")).context;
  } catch (error) {
    throw new InputError(`cannot read the event payload: ${(error as Error).message}`, {
      file: process.env.GITHUB_EVENT_PATH ?? "GITHUB_EVENT_PATH",
    });
  }
}
