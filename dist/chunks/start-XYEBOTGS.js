// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{b as s}from"./chunk-M7JP4CJ3.js";import"./chunk-MO5MQMDJ.js";import"./chunk-QG3QD57I.js";import"./chunk-3VUHLR2K.js";import"./chunk-BI3SUDKO.js";import{enableCompileCache as t}from"node:module";t?.();var o=process.env.FORCE_COLOR!==void 0&&process.env.FORCE_COLOR!=="0"?!0:process.stdout.isTTY===!0&&process.env.NO_COLOR===void 0&&process.env.TERM!=="dumb";s(process.argv.slice(2),{stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),color:o,cwd:process.cwd()}).then(e=>{process.exitCode=e},e=>{let r=e instanceof Error?e.message:String(e);process.stderr.write(`launchgate: internal error: ${r} (please report this at the launchgate issue tracker)
`),process.exitCode=2});
//# sourceMappingURL=start-XYEBOTGS.js.map
