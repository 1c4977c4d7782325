import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-SK7MVBHJ.js";import"./chunk-RGCEI3RM.js";import"./chunk-GZWLDVNV.js";import"./chunk-VL4Q2XJT.js";import"./chunk-XNM6LKWN.js";import"./chunk-7MO4SCMC.js";import"./chunk-XYCB3OTK.js";import"./chunk-PUDPDJQO.js";import"./chunk-365AZ626.js";import"./chunk-VI5G2JD2.js";import"./chunk-DAOHLQHZ.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-7UDE5EI5.js.map
