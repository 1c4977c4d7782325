// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as a,f as b}from"./chunk-F5YPIXJ5.js";import"./chunk-XLVSOYEC.js";export{a as context,b as getOctokit};
//# sourceMappingURL=github-646R3XV3.js.map
