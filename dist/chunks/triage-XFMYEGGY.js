import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-WSUDXTE7.js";import"./chunk-3LJXXJZU.js";import"./chunk-GZWLDVNV.js";import"./chunk-TOXP3YR6.js";import"./chunk-XWTXH4SV.js";import"./chunk-WW6OAPSY.js";import"./chunk-ZRGDEOXS.js";import"./chunk-PUDPDJQO.js";import"./chunk-365AZ626.js";import"./chunk-AAY5PYYT.js";import"./chunk-OOR42K32.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-XFMYEGGY.js.map
