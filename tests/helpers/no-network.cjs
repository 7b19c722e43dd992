// Preloaded (node --require) into a subprocess and, by Node, into every worker thread it starts:
// any attempt to reach the network fails loudly and is reported on stderr, so a test can prove
// that OCR (tesseract.js loads its language data in worker threads) never touches the network.
const { isMainThread } = require("node:worker_threads");

function blocked(what) {
  return (...args) => {
    const target = typeof args[0] === "string" ? args[0] : (args[0] && (args[0].href || args[0].host || args[0].hostname)) || "";
    process.stderr.write(`NETWORK ACCESS ATTEMPTED (${isMainThread ? "main" : "worker"}): ${what} ${target}\n`);
    throw new Error(`network access blocked in this test: ${what} ${target}`);
  };
}

for (const mod of ["http", "https"]) {
  const m = require(`node:${mod}`);
  m.request = blocked(`${mod}.request`);
  m.get = blocked(`${mod}.get`);
}
const net = require("node:net");
net.connect = blocked("net.connect");
net.createConnection = blocked("net.createConnection");
const tls = require("node:tls");
tls.connect = blocked("tls.connect");
const dns = require("node:dns");
dns.lookup = blocked("dns.lookup");
dns.resolve = blocked("dns.resolve");
globalThis.fetch = async (...args) => blocked("fetch")(...args);
