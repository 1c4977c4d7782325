import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);

// src/action/main.ts
async function run() {
  process.stderr.write("launchgate: the Action is not implemented yet; use the CLI (`launchgate check`).\n");
  process.exitCode = 1;
}

// src/index.ts
await run();
//# sourceMappingURL=index.js.map
