import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{e as c}from"./chunk-XWLOQC7F.js";import{styleText as d}from"node:util";var i={check:()=>import("./check-3M3U5ZN2.js"),triage:()=>import("./triage-FF4MPN2T.js"),criteria:()=>import("./criteria-LKBHD4MG.js"),report:()=>import("./report-2GWLBGV6.js"),site:()=>import("./site-IDRNGUCL.js"),init:()=>import("./init-IS6OTNQ5.js"),doctor:()=>import("./doctor-3TJJNTH4.js"),demo:()=>import("./demo-5RB3KZOK.js")};async function u(){let e=Object.keys(i),r=Math.max(...e.map(a=>a.length));return["usage: launchgate <command> [options]   (launchgate <command> --help for its options)","","commands:",...await Promise.all(e.map(async a=>`  ${a.padEnd(r)}  ${(await i[a]()).summary}`)),""].join(`
`)}async function h(e,r){let[t,...a]=e;if(!t||t==="--help"||t==="-h"||t==="help")return r.stdout(await u()),t?0:2;let s=i[t];if(!s)return r.stderr(`launchgate: unknown command "${t}"
${await u()}`),2;let o=await s();if(a.includes("--help")||a.includes("-h"))return r.stdout(`usage: ${o.usage}
${o.summary}
`),0;let p=(n,m)=>r.color?d(n,m,{validateStream:!1}):m;try{return await o.run(a,r,p)}catch(n){if(n instanceof c)return r.stderr(`launchgate ${t}: ${n.format()}
`),2;if(n instanceof TypeError&&"code"in n&&String(n.code).startsWith("ERR_PARSE_ARGS"))return r.stderr(`launchgate ${t}: ${n.message}
usage: ${o.usage}
`),2;throw n}}export{i as a,h as b};
//# sourceMappingURL=chunk-DFDXQNTH.js.map
