// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var e=class extends Error{file;line;column;fix;constructor(i,n={}){super(i),this.name="InputError",this.file=n.file,this.line=n.line,this.column=n.column,this.fix=n.fix}format(){let i=[this.file,this.line,this.line!==void 0?this.column:void 0].filter(s=>s!==void 0).join(":"),n=this.fix?`${this.message} \u2014 ${this.fix}`:this.message;return i?`${i}: ${n}`:n}};export{e as a};
//# sourceMappingURL=chunk-Y4Z2K3RC.js.map
