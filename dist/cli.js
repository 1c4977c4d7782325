#!/usr/bin/env node
// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var[e]=process.versions.node.split(".").map(Number);(e??0)<24?(process.stderr.write(`launchgate needs Node 24 or newer (found v${process.versions.node})
`),process.exitCode=2):await import("./chunks/start-ZMIATT7X.js");
//# sourceMappingURL=cli.js.map
