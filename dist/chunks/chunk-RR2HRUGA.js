// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as t}from"./chunk-GGJC6YFC.js";import{a as e}from"./chunk-Y4Z2K3RC.js";function i(n){return n instanceof e?`launchgate: ${n.format()}`:n instanceof t?`launchgate: ${n.message}. Nothing was passed on doubt; re-run the job ("Re-run failed jobs") once GitHub is reachable, or check the token's permissions.`:`launchgate: unexpected error: ${n instanceof Error?n.stack??n.message:String(n)}`}export{i as a};
//# sourceMappingURL=chunk-RR2HRUGA.js.map
