import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var e=/^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;export{e as a};
//# sourceMappingURL=chunk-6TTQLYBF.js.map
