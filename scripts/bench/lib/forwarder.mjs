// The floor of any search API on this machine, for `npm run bench -- search`: a bare Node
// HTTP server that answers `GET /<n>` by sending Meilisearch the n-th prepared request
// (path and JSON body, the very ones the API sends) over a keep-alive connection and
// passing the answer's bytes back untouched: no framework, no parsing, no security
// headers, no compression. What the API costs above Meilisearch minus what this costs is
// what the API's own code costs. Plain JavaScript so it starts as a bare process.
//
//   node scripts/bench/lib/forwarder.mjs <port> <requests.json>
//   requests.json: { "host": "http://127.0.0.1:7700", "apiKey": "…", "requests": [{ "path", "body" }] }
import fs from 'node:fs';
import http from 'node:http';

const [port, file] = process.argv.slice(2);
const { host, apiKey, requests } = JSON.parse(fs.readFileSync(file, 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const prepared = requests.map(({ path, body }) => ({ url: `${host}${path}`, payload: JSON.stringify(body) }));

http
  .createServer((req, res) => {
    const target = prepared[Number(req.url?.slice(1))];
    if (!target) {
      res.writeHead(404).end();
      return;
    }
    const upstream = http.request(
      target.url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(target.payload), authorization: `Bearer ${apiKey}` },
      },
      (answer) => {
        const chunks = [];
        answer.on('data', (c) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json', 'content-length': body.length });
          res.end(body);
        });
      },
    );
    upstream.setNoDelay(true);
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(target.payload);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('forwarding'));

// Gone with the bench: its end of stdin closes when it exits, even when it fails half-way.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
