import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";

describe("config JSON Schema", () => {
  it("describes the gate keys strictly, with the user-facing enum values", () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { enum?: string[]; default?: unknown }>;
    };
    expect(schema.additionalProperties).toBe(false);
    for (const key of ["gates", "release", "pr_body", "signoff", "approvers", "launch", "triage"]) {
      expect(schema.properties).toHaveProperty(key);
    }
    expect(schema.properties.pr_body?.enum).toEqual(["required", "optional", "off"]);
    expect(schema.properties.signoff?.default).toBe("verify");
  });
});
