import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-HKEO6Z7Z.js";import"./chunk-TJMT7SS6.js";import"./chunk-MPPRNB7P.js";import"./chunk-YHYXKU37.js";import"./chunk-73MK42ST.js";import"./chunk-WW6OAPSY.js";import"./chunk-6X7ODX32.js";import"./chunk-GGJFJ2GA.js";import"./chunk-6TTQLYBF.js";import"./chunk-ZMVU7QF7.js";import"./chunk-OOR42K32.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-FCLIGYJA.js.map
