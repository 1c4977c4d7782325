// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as a,f as b,g as c}from"./chunk-3EEFBYRZ.js";import"./chunk-HV5I3NAG.js";import"./chunk-DM6HP4YX.js";import"./chunk-USNAVU2M.js";import"./chunk-BJMTROMW.js";import"./chunk-3XTIPOBV.js";import"./chunk-YC3DL5SU.js";import"./chunk-27ED4OIP.js";import"./chunk-Y6WR67QS.js";import"./chunk-GGJC6YFC.js";import"./chunk-Y4Z2K3RC.js";import"./chunk-F5YPIXJ5.js";import"./chunk-XLVSOYEC.js";export{c as fetchReportSources,a as reportFormFields,b as reportRepoData};
//# sourceMappingURL=report-source-V7FU563G.js.map
