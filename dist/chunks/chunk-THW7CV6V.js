// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{b as o}from"./chunk-HWGZ3JE4.js";import{a as i}from"./chunk-Y4Z2K3RC.js";var m={read:async()=>null};function a(r,s,t=""){return{async read(){let e=await s(r);if(e===null)throw new i(`no metrics file${t?` ${t}`:""}`,{file:r,fix:"commit it or fix the metrics input"});return o(e,r)}}}export{m as a,a as b};
//# sourceMappingURL=chunk-THW7CV6V.js.map
