// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b}from"./chunk-RX6SXMA6.js";import"./chunk-LS62ESS5.js";import"./chunk-I2XTDIDE.js";import"./chunk-5LZEB72C.js";import"./chunk-XKJYYOTV.js";import"./chunk-BJMTROMW.js";import"./chunk-3XTIPOBV.js";import"./chunk-YC3DL5SU.js";import"./chunk-27ED4OIP.js";import"./chunk-Y6WR67QS.js";import"./chunk-GGJC6YFC.js";import"./chunk-Y4Z2K3RC.js";import"./chunk-F5YPIXJ5.js";import"./chunk-XLVSOYEC.js";export{b as fetchTriageData,a as sweepSelections};
//# sourceMappingURL=triage-fetch-3KZVDZLV.js.map
