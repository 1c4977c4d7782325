import { z } from "zod";

/** The `triage` section of .github/launchgate.yml, with defaults taken from the seeds. */
export const triageConfigSchema = z.strictObject({}).default({});

export type TriageConfig = z.output<typeof triageConfigSchema>;
