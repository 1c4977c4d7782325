import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as s}from"./chunk-XWLOQC7F.js";import{styleText as d}from"node:util";var u={check:()=>import("./check-7ELSXUVO.js"),triage:()=>import("./triage-4C53GHEB.js"),criteria:()=>import("./criteria-LWMMQYKF.js"),report:()=>import("./report-KLJAAB4J.js"),site:()=>import("./site-YXJGQBMP.js"),init:()=>import("./init-DQNVPQ3D.js"),doctor:()=>import("./doctor-2LQ33WKV.js"),demo:()=>import("./demo-5JPWBX7U.js")};function c(){return["usage: launchgate <command> [options]","","commands:",...Object.keys(u).map(o=>`  ${o}`),""].join(`
`)}async function f(o,n){let[t,...a]=o;if(!t||t==="--help"||t==="-h"||t==="help")return n.stdout(c()),t?0:2;let i=u[t];if(!i)return n.stderr(`launchgate: unknown command "${t}"
${c()}`),2;let e=await i();if(a.includes("--help")||a.includes("-h"))return n.stdout(`usage: ${e.usage}
${e.summary}
`),0;let p=(r,m)=>n.color?d(r,m,{validateStream:!1}):m;try{return await e.run(a,n,p)}catch(r){if(r instanceof s)return n.stderr(`launchgate ${t}: ${r.format()}
`),2;if(r instanceof TypeError&&"code"in r&&String(r.code).startsWith("ERR_PARSE_ARGS"))return n.stderr(`launchgate ${t}: ${r.message}
usage: ${e.usage}
`),2;throw r}}export{u as a,f as b};
//# sourceMappingURL=chunk-WP44KSLS.js.map
