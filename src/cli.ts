#!/usr/bin/env node
// The CLI's entry point runs on any Node: it has no static imports, so an older Node reaches the
// version check below instead of failing to link the bundle with a minified stack trace.
const [major] = process.versions.node.split(".").map(Number);
if ((major ?? 0) < 24) {
  process.stderr.write(`launchgate needs Node 24 or newer (found v${process.versions.node})\n`);
  process.exitCode = 2;
} else {
  await import("./cli/start.js");
}
