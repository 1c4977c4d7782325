// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as a,f as b,g as c}from"./chunk-QHP54WIU.js";import"./chunk-PAQLIYYM.js";import"./chunk-USNAVU2M.js";import"./chunk-DFQ3BXDD.js";import"./chunk-CZTDR6RT.js";import"./chunk-YC3DL5SU.js";import"./chunk-NYNV4S2B.js";import"./chunk-Y6WR67QS.js";import"./chunk-GGJC6YFC.js";import"./chunk-Y4Z2K3RC.js";import"./chunk-F5YPIXJ5.js";import"./chunk-XLVSOYEC.js";export{c as fetchReportSources,a as reportFormFields,b as reportRepoData};
//# sourceMappingURL=report-source-JCVH4YF5.js.map
