// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a as i}from"./chunk-Y4Z2K3RC.js";var o=/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;function f(t,n){let r=new Date(t);if(!o.test(t)||Number.isNaN(r.getTime())){let e=n.error??i;throw new e(`${n.name} "${t}" is not an ISO-8601 instant with an offset`,{...n.file?{file:n.file}:{},fix:n.fix})}return r}function a(t,n=()=>new Date){return t?f(t,{name:"LAUNCHGATE_NOW",file:"environment LAUNCHGATE_NOW",fix:"e.g. 2026-11-02T12:00:00Z, or unset it"}):n()}export{f as a,a as b};
//# sourceMappingURL=chunk-QZQETIST.js.map
