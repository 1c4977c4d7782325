import * as z from "zod";
import { configSchema } from "./schema.js";

export const CONFIG_SCHEMA_ID =
  "https://raw.githubusercontent.com/launchgate/launchgate/v1/schema/launchgate.schema.json";

/**
 * JSON Schema of `.github/launchgate.yml`, generated from the zod schema so editors (YAML language
 * server: `# yaml-language-server: $schema=…`) autocomplete and flag the same mistakes launchgate does.
 * It describes what a user writes (the input side: shorthands allowed, defaults optional).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return {
    ...schema,
    $id: CONFIG_SCHEMA_ID,
    title: "launchgate configuration (.github/launchgate.yml)",
  };
}
