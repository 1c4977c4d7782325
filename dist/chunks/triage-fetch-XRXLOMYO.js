// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b}from"./chunk-BVRL7Q3D.js";import"./chunk-S6JZWN6Y.js";import"./chunk-5Z75V365.js";import"./chunk-5LZEB72C.js";import"./chunk-2HLEKF2L.js";import"./chunk-DFQ3BXDD.js";import"./chunk-CZTDR6RT.js";import"./chunk-YC3DL5SU.js";import"./chunk-NYNV4S2B.js";import"./chunk-Y6WR67QS.js";import"./chunk-GGJC6YFC.js";import"./chunk-Y4Z2K3RC.js";import"./chunk-F5YPIXJ5.js";import"./chunk-XLVSOYEC.js";export{b as fetchTriageData,a as sweepSelections};
//# sourceMappingURL=triage-fetch-XRXLOMYO.js.map
