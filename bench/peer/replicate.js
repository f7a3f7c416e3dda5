// Scenario 6's peer (docs/performance.md): the records an offline-first team would keep in
// PouchDB, one document per record, replicated to pouchdb-server on 127.0.0.1.
//   node replicate.js DOCS.jsonl WORKDIR
// Loads the documents into a local PouchDB (untimed), starts pouchdb-server (its own
// process, data on disk under WORKDIR), times PouchDB.replicate(local -> server), and
// prints "key value" lines: docs, seconds, server_peak_kb, local_peak_kb.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { spawn } = require('child_process');
const net = require('net');
const PouchDB = require('pouchdb');

function peakKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
    return m ? Number(m[1]) : 0;
  } catch (e) {
    return 0;
  }
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

async function startServer(dir) {
  const port = await freePort();
  const bin = path.join(__dirname, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  // Its config and log live in the work dir, not in the source tree.
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', dir,
                                         '--config', path.join(dir, 'config.json'), '--no-stdout-logs'],
                      { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; ++i) {
    try {
      const res = await fetch(url);
      if (res.ok) return { child, url };
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('pouchdb-server did not start');
}

async function main() {
  const [docsFile, workDir] = process.argv.slice(2);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(workDir, 'server'), { recursive: true });
  const local = new PouchDB(path.join(workDir, 'local'));
  let batch = [];
  let docs = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(docsFile) });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line));
    if (batch.length === 1000) { await local.bulkDocs(batch); docs += batch.length; batch = []; }
  }
  if (batch.length) { await local.bulkDocs(batch); docs += batch.length; }

  const { child, url } = await startServer(path.join(workDir, 'server'));
  const remote = new PouchDB(`${url}/bench`);
  await remote.info(); // creates the database before the clock starts
  const started = process.hrtime.bigint();
  const result = await PouchDB.replicate(local, remote, { batch_size: 500, batches_limit: 4 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const info = await remote.info();
  const serverKb = peakKb(child.pid);
  child.kill('SIGTERM');
  console.log(`docs ${docs}`);
  console.log(`written ${result.docs_written}`);
  console.log(`remote_docs ${info.doc_count}`);
  console.log(`seconds ${seconds.toFixed(3)}`);
  console.log(`server_peak_kb ${serverKb}`);
  console.log(`local_peak_kb ${peakKb(process.pid)}`);
  console.log(`errors ${result.doc_write_failures}`);
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
