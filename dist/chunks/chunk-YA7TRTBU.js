import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{h as t}from"./chunk-GZWLDVNV.js";import{e}from"./chunk-XWLOQC7F.js";function i(n){return n instanceof e?`launchgate: ${n.format()}`:n instanceof t?`launchgate: ${n.message}. Nothing was passed on doubt; re-run the job ("Re-run failed jobs") once GitHub is reachable, or check the token's permissions.`:`launchgate: unexpected error: ${n instanceof Error?n.stack??n.message:String(n)}`}export{i as a};
//# sourceMappingURL=chunk-YA7TRTBU.js.map
