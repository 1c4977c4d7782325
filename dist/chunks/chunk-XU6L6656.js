// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as t}from"./chunk-BI3SUDKO.js";function n(e,r,i){if(e.week.id!==r)throw new t(`week.id: ${e.week.id} but the file is named for ${r}`,{file:i,fix:`rename it to ${e.week.id}.json, or regenerate ${r} with launchgate report`});return e}export{n as a};
//# sourceMappingURL=chunk-XU6L6656.js.map
