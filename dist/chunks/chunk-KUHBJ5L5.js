// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var _=["HTTPS_PROXY","https_proxy","HTTP_PROXY","http_proxy"],o=[..._,"NO_PROXY","no_proxy"];export{_ as a,o as b};
//# sourceMappingURL=chunk-KUHBJ5L5.js.map
