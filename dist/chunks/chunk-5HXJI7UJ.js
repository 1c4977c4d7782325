// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{i as t}from"./chunk-NCDFVNTS.js";import{e}from"./chunk-BI3SUDKO.js";function i(n){return n instanceof e?`launchgate: ${n.format()}`:n instanceof t?`launchgate: ${n.message}. Nothing was passed on doubt; re-run the job ("Re-run failed jobs") once GitHub is reachable, or check the token's permissions.`:`launchgate: unexpected error: ${n instanceof Error?n.stack??n.message:String(n)}`}export{i as a};
//# sourceMappingURL=chunk-5HXJI7UJ.js.map
