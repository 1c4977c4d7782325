// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as i,g as s}from"./chunk-GGJC6YFC.js";async function g(r,n,t,o={}){try{return await r.octokit.graphql(t,o)}catch(e){throw a(n,e)}}async function*u(r,n,t,o={}){try{for await(let e of r.octokit.graphql.paginate.iterator(t,o))yield e}catch(e){throw a(n,e)}}function a(r,n){let t=n.errors,o=Array.isArray(t)?t[0]?.message:void 0;return typeof o=="string"?new i(r,void 0,o):s(r,n)}export{g as a,u as b};
//# sourceMappingURL=chunk-5LZEB72C.js.map
