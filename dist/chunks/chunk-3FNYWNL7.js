import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
function o(t){let e="",n=0;for(let s=0;s<t.length;s++){let r=t[s];if(r==="*")if(t[s+1]==="*"){let i=t[s+2]==="/";e+=i?"(?:.*/)?":".*",s+=i?2:1}else e+="[^/]*";else r==="?"?e+="[^/]":r==="{"?(n++,e+="(?:"):r==="}"&&n>0?(n--,e+=")"):r===","&&n>0?e+="|":e+=r.replace(/[.+^$()|[\]\\/]/g,"\\$&")}return new RegExp(`^${e}$`)}function l(t){return/[*?{]/.test(t)}function f(t,e){return e.some(n=>o(n).test(t))}export{o as a,l as b,f as c};
//# sourceMappingURL=chunk-3FNYWNL7.js.map
