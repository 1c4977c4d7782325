// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{existsSync as e,readFileSync as r}from"node:fs";import{dirname as a,join as i}from"node:path";import{fileURLToPath as m}from"node:url";function p(){let n=a(m(import.meta.url));for(;;){let o=i(n,"package.json");if(e(o)&&JSON.parse(r(o,"utf8")).name==="launchgate")return n;let t=a(n);if(t===n)throw new Error("cannot find launchgate's package.json above its own module");n=t}}export{p as a};
//# sourceMappingURL=chunk-MO5MQMDJ.js.map
