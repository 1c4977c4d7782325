// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-4ORAK4FL.js";import"./chunk-4WQXTTLR.js";import"./chunk-NCDFVNTS.js";import"./chunk-6FOVCGWU.js";import"./chunk-E4TCJYD2.js";import"./chunk-ICA2RWDV.js";import"./chunk-CHGWKT57.js";import"./chunk-6KKHS62B.js";import"./chunk-P44RW63N.js";import"./chunk-N6RMNEME.js";import"./chunk-Z4LTP2OS.js";import"./chunk-QG3QD57I.js";import"./chunk-3VUHLR2K.js";import"./chunk-BI3SUDKO.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-EUXEO6ZK.js.map
