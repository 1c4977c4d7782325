import { parseYamlWithSchema } from "../yaml/parse.js";
import { type Config, configSchema } from "./schema.js";

/** Parses `.github/launchgate.yml` text; an empty file means every default. */
export function parseConfig(text: string, file: string): Config {
  return parseYamlWithSchema(text, configSchema, { file, emptyValue: {} });
}

export const defaultConfig: Config = configSchema.parse({});
