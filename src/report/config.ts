import { z } from "zod";

/** The `report` section of .github/launchgate.yml, with defaults taken from the seeds. */
export const reportConfigSchema = z.strictObject({}).default({});

export type ReportConfig = z.output<typeof reportConfigSchema>;
