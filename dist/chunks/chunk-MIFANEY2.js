// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{r as n}from"./chunk-E4TCJYD2.js";function a(e,r,o){let t=n({issues:e.issues,comments:e.comments??[],events:e.events??void 0,now:r,config:o});return{breaches:(e.comments?t.breaches:t.breaches.filter(s=>s.clock!=="response")).map(s=>({number:s.number,severity:s.severity,clock:s.clock})),clocks:e.comments?"triage, response and resolution clocks":"triage and resolution clocks (no comments given)"}}export{a};
//# sourceMappingURL=chunk-MIFANEY2.js.map
