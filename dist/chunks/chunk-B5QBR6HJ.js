// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var l=(e,t)=>t;export{l as a};
//# sourceMappingURL=chunk-B5QBR6HJ.js.map
