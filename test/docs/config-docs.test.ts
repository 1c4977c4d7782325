import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CONFIG_DOCS_PATH, renderConfigDocs } from "../../scripts/gen-config-docs.mjs";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { configSchema } from "../../src/config/schema.js";

type Node = { properties?: Record<string, Node>; anyOf?: Node[]; items?: Node; description?: string };

const rendered = () => renderConfigDocs(configJsonSchema(), configSchema.parse({}));

/** Every key path of the JSON Schema that has its own properties, as docs/config.md spells them. */
function keyPaths(node: Node, path: string, out: string[]): string[] {
  const branches = [node, ...(node.anyOf ?? [])];
  for (const branch of branches) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) {
      const childPath = path ? `${path}.${key}` : key;
      out.push(childPath);
      keyPaths(child, childPath, out);
    }
    if (branch.items) keyPaths(branch.items, `${path}[]`, out);
  }
  return out;
}

describe("docs/config.md", () => {
  it("is what scripts/gen-config-docs.mjs generates from the current schema (run npm run docs:config)", async () => {
    const committed = await readFile(CONFIG_DOCS_PATH, "utf8");
    expect(committed === rendered(), `${CONFIG_DOCS_PATH} is stale: run npm run docs:config`).toBe(true);
  });

  it("lists every key of the config schema with a description", () => {
    const text = rendered();
    const paths = keyPaths(configJsonSchema() as Node, "", []);
    expect(paths).toContain("triage.sla.P0.response");
    for (const path of paths) expect(text, path).toContain(`| \`${path}\` |`);
    // Leaf keys (no properties of their own) must say what they do.
    for (const line of text.split("\n").filter((l) => l.startsWith("| `"))) {
      const [, key, type, , description] = line.split(/(?<!\\)\|/).map((c) => c.trim());
      if (type !== "object") expect(description, `${key} has no description`).not.toBe("");
    }
  });

  it("shows the defaults launchgate really applies, including ones the JSON Schema cannot carry", () => {
    const text = rendered();
    expect(text).toContain('| `triage.sla.P1.resolution` | string or `"next-release"` | `"24h"` |');
    expect(text).toContain('| `gates` | list of (string or object) | `[{"path":".github/gates/*.md"}]` |');
    expect(text).toContain("| `criteria.hotfix.p1AffectedUsers.percent` | number 0–100 | `20` |");
    expect(text).toContain("| `triage.business_hours.timezone` | string | required |");
  });
});
