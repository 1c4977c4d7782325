import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a,b,c}from"./chunk-F552OT6M.js";import"./chunk-COQKAF3C.js";import"./chunk-TJ5FHHUB.js";import"./chunk-4KC6MGY3.js";import"./chunk-MQ5SPK5I.js";import"./chunk-ZSGOKB2C.js";import"./chunk-OHEVTH6J.js";import"./chunk-YDX6EVEQ.js";import"./chunk-HS2LRFGP.js";import"./chunk-ZHP4RFNN.js";import"./chunk-XWLOQC7F.js";export{a as run,c as sweep,b as sweepTime};
//# sourceMappingURL=triage-RFRO5M2T.js.map
