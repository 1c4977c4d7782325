import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as t}from"./chunk-XWLOQC7F.js";function n(e,r,i){if(e.week.id!==r)throw new t(`week.id: ${e.week.id} but the file is named for ${r}`,{file:i,fix:`rename it to ${e.week.id}.json, or regenerate ${r} with launchgate report`});return e}export{n as a};
//# sourceMappingURL=chunk-6TWMUSWV.js.map
