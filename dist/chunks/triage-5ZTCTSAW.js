import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-NHFFG26Z.js";import"./chunk-7XZ7SPXB.js";import"./chunk-MPPRNB7P.js";import"./chunk-W56WPBPU.js";import"./chunk-SJF3XVJX.js";import"./chunk-MGXTO5CP.js";import"./chunk-DLH6NZDZ.js";import"./chunk-C3DU4ROG.js";import"./chunk-ZMVU7QF7.js";import"./chunk-OOR42K32.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-5ZTCTSAW.js.map
