// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
function c(s,o){let r,e=4;for(let n of o){let t=g(s.toLowerCase(),n.toLowerCase());t<e&&(r=n,e=t)}return r}function g(s,o){let r=Array.from({length:o.length+1},(e,n)=>n);for(let e=1;e<=s.length;e++){let n=[e];for(let t=1;t<=o.length;t++){let i=s[e-1]===o[t-1]?0:1;n[t]=Math.min((r[t]??0)+1,(n[t-1]??0)+1,(r[t-1]??0)+i)}r=n}return r[o.length]??0}export{c as a,g as b};
//# sourceMappingURL=chunk-ZEYISRDO.js.map
