import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "./scenario.js";
import { runScenario } from "./scenario-runner.js";

/** Every test/scenarios/**\/*.yml, run against the built Action (npm run build first). */
function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return scenarioFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

const files = scenarioFiles("test/scenarios");

describe("scenarios (built dist/index.js against the fake GitHub)", () => {
  it("has the Action built", () => {
    expect(existsSync("dist/index.js"), "run `npm run build` before the scenarios").toBe(true);
  });

  for (const file of files) {
    const scenario = loadScenario(file);
    it(`${scenario.name} [${file}]`, async () => {
      const result = await runScenario(scenario);
      expect(result.failures, result.stderr.slice(-2000)).toEqual([]);
      expect(result.expectationsMet).toBe(true);
    });
  }
});
