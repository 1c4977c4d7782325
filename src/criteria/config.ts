import { z } from "zod";

/** The `criteria` section of .github/launchgate.yml, with defaults taken from the seeds. */
export const criteriaConfigSchema = z.strictObject({}).default({});

export type CriteriaConfig = z.output<typeof criteriaConfigSchema>;
