// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{b as a,c as r}from"./chunk-U5S646QE.js";import{a as f}from"./chunk-QZQETIST.js";import{l as i,m as t}from"./chunk-JZMGJ6CO.js";function m(n,e,s){let o=n??s;if(!e.includes(o))throw new r(`unknown --format "${n}"`,{fix:`use ${e.join(" or ")}`});return o}function c(n){return n===void 0?new Date:f(n,{name:"--now",fix:"e.g. --now 2026-11-02T12:00:00Z",error:r})}async function p(n){return n===void 0?t:i(await a(n),n)}export{m as a,c as b,p as c};
//# sourceMappingURL=chunk-6X7IU5AF.js.map
