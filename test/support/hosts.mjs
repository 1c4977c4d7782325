// Preloaded (`node --import`) into a process under test: resolves every `*.test` host name to
// 127.0.0.1, as a hosts-file entry on the runner would, so the process can reach a fake GitHub
// under an Enterprise Server-like name without a proxy.
import dns from "node:dns";
import { syncBuiltinESMExports } from "node:module";

const lookup = dns.lookup;
dns.lookup = function testHosts(hostname, options, callback) {
  if (typeof hostname !== "string" || !hostname.endsWith(".test"))
    return lookup.call(this, hostname, options, callback);
  const done = typeof options === "function" ? options : callback;
  const all = typeof options === "object" && options !== null && options.all;
  process.nextTick(() => (all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
};
syncBuiltinESMExports();
