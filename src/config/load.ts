import { type Config, configSchema } from "./schema.js";
import { parseYamlWithSchema } from "./yaml.js";

/** Parses `.github/launchgate.yml` text; an empty file means every default. */
export function parseConfig(text: string, file: string): Config {
  return parseYamlWithSchema(text, configSchema, { file, emptyValue: {} });
}

export const defaultConfig: Config = configSchema.parse({});
