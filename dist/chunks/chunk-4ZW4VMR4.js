// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var s=/^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;function a(e){let n=s.exec(e);return n!==null&&(n[2]!=="53"||c(Number(n[1])))}function c(e){let n=new Date(0);n.setUTCFullYear(e,0,1);let t=n.getUTCDay(),o=e%4===0&&e%100!==0||e%400===0;return t===4||o&&t===3}export{s as a,a as b};
//# sourceMappingURL=chunk-4ZW4VMR4.js.map
