// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
var e={pull_request:"gate",pull_request_target:"gate",merge_group:"gate",issues:"triage",issue_comment:"triage",schedule:"report",workflow_dispatch:"report"};export{e as a};
//# sourceMappingURL=chunk-WMGGTPHD.js.map
