import type { Config } from "../config/schema.js";
import type { Check } from "../doctor/check.js";
import type { GateDocument } from "../gates/document.js";

/**
 * What `launchgate init` leaves for the user to fill in, found by doctor: the `@your-org/…` teams
 * of the templates (nobody can sign for a team that does not exist, so such a gate never passes)
 * and the launch date (without it no phase, T+N or stabilization target applies).
 */
const PLACEHOLDER_ORG = "your-org";

function isPlaceholder(owner: string): boolean {
  return owner.toLowerCase().startsWith(`${PLACEHOLDER_ORG}/`);
}

export function checkLaunchDate(config: Config, configPath: string): Check | null {
  if (config.launch.date !== undefined) return null;
  return {
    status: "warn",
    message: `${configPath}: launch.date is not set, so no stabilization phase, T+N or triage target applies`,
    fix: "set `launch: { date: YYYY-MM-DD }` once you know the launch day",
  };
}

/** Config-wide approvers still naming the template's team. */
export function checkConfigPlaceholders(config: Config, configPath: string, text: string): Check | null {
  const found = config.approvers.filter(isPlaceholder);
  if (found.length === 0) return null;
  return placeholderCheck(`${configPath}:${firstLine(text, (line) => /^\s*approvers\s*:/.test(line))}`, found);
}

/** A gate's approvers or item owners still naming the template's team. */
export function checkGatePlaceholders(doc: GateDocument, text: string): Check | null {
  const approvers = (doc.frontMatter?.approvers ?? []).filter(isPlaceholder);
  const items = doc.items.filter((item) => item.owners.some(isPlaceholder));
  if (approvers.length === 0 && items.length === 0) return null;
  const approverLine = approvers.length > 0 ? firstLine(text, (line) => line.includes(`@${PLACEHOLDER_ORG}/`)) : null;
  const line = Math.min(...[approverLine, ...items.map((item) => item.line)].filter((n): n is number => n !== null));
  const names = [...new Set([...approvers, ...items.flatMap((item) => item.owners.filter(isPlaceholder))])];
  return placeholderCheck(`${doc.path}:${line}`, names);
}

function placeholderCheck(where: string, owners: readonly string[]): Check {
  const listed = owners.map((owner) => `@${owner}`).join(", ");
  return {
    status: "fail",
    message: `${where}: ${listed} ${owners.length === 1 ? "is" : "are"} init's placeholder, so nobody can sign off`,
    fix: "replace @your-org/… with your own teams or users",
  };
}

/** 1-based number of the first line matching, or 1. */
function firstLine(text: string, test: (line: string) => boolean): number {
  const index = text.split("\n").findIndex(test);
  return index < 0 ? 1 : index + 1;
}
