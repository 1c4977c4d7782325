// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a as i,b as a,c as n}from"./chunk-LS62ESS5.js";import{a as r}from"./chunk-I2XTDIDE.js";function p(e,s){let o=new Date(s.getTime()-r(e.triage.sweep_lookback)*6e4).toISOString();return[{states:["OPEN"]},{states:["CLOSED"],since:o},{states:["CLOSED"],labels:[e.triage.labels.breached]}]}async function g(e,s,o,m){let t=await a(e,s,p(o,m));for(let c of[...t.moreComments.keys()])await i(e,s,t,c);return await n(e,s,t),{issues:t.issues,comments:t.comments,events:t.events,pulls:[],releases:[]}}export{p as a,g as b};
//# sourceMappingURL=chunk-RX6SXMA6.js.map
