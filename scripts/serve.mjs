// A small static server for development and tests: the page from www/ at "/", the WebAssembly
// package from pkg/ at "/pkg/". Loopback only; serves nothing outside those two folders.
//
//   node scripts/serve.mjs            PORT=9000 node scripts/serve.mjs
//   ROI_GZIP=1 node scripts/serve.mjs (opt-in: responses gzipped at level 9 when the request accepts gzip,
//                                      as a static host serves them; `make bench` times the phone this way)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ROI_SERVE_ROOT: serve the www/ and pkg/ of another folder (`make bench` serves a copy of this build, so a
// rebuild while it measures cannot mix two builds).
const site = process.env.ROI_SERVE_ROOT ?? root;
const mounts = [['/pkg/', join(site, 'pkg')], ['/', join(site, 'www')]];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Types a static host compresses (not the already compressed images). */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.ts']);

/** Whether an Accept-Encoding header accepts gzip (listed, and not with q=0). */
function acceptsGzip(header) {
  return String(header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Each file gzipped once (level 9) and kept in memory, until its size or modification time changes. */
const gzipped = new Map();
async function gzipOf(file, info) {
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = gzipped.get(file);
  if (hit?.key === key) return hit.body;
  const body = gzipSync(await readFile(file), { level: 9 });
  gzipped.set(file, { key, body });
  return body;
}

/** The file a URL path names, or null when it is outside the served folders. */
function fileFor(urlPath) {
  let path;
  try { path = decodeURIComponent(urlPath); } catch { return null; }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  for (const [prefix, folder] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, path.slice(prefix.length)));
    return file.startsWith(folder + sep) ? file : null;
  }
  return null;
}

/**
 * Starts the server on `port` (0 picks a free one) and resolves to it once listening. With `gzip` (off
 * unless ROI_GZIP=1), text and WebAssembly go gzipped to a client that accepts it; otherwise as stored.
 */
export function start(port = Number(process.env.PORT ?? 8080), { gzip = process.env.ROI_GZIP === '1' } = {}) {
  const server = createServer(async (request, response) => {
    const file = fileFor(new URL(request.url, 'http://localhost').pathname);
    const info = file && await stat(file).catch(() => null);
    if (!info?.isFile() || !['GET', 'HEAD'].includes(request.method)) {
      response.writeHead(info ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(info ? 'Method not allowed\n' : 'Not found\n');
      return;
    }
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (gzip && compressible.has(extname(file))) {
      headers.vary = 'accept-encoding';
      if (acceptsGzip(request.headers['accept-encoding'])) {
        const body = await gzipOf(file, info);
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
        response.end(request.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await start();
  console.log(`The calculator is at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
