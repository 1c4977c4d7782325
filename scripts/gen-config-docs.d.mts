// Types of scripts/gen-config-docs.mjs, for test/docs/.
export const CONFIG_DOCS_PATH: string;
export function renderConfigDocs(jsonSchema: Record<string, unknown>, defaults: unknown): string;
export function generateConfigDocs(): Promise<string>;
