import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-WFYCCDHB.js";import"./chunk-3OYVURE6.js";import"./chunk-TJ5FHHUB.js";import"./chunk-2K56MXHH.js";import"./chunk-U7EQLDQP.js";import"./chunk-UKJ2VRKD.js";import"./chunk-CFC2U6D2.js";import"./chunk-YDX6EVEQ.js";import"./chunk-QVPABT2U.js";import"./chunk-ZHP4RFNN.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-L34HXDLR.js.map
