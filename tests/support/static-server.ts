/**
 * A deliberately small static file server: the built app must run from any host that serves
 * files and honours HTTP Range (PMTiles reads its archive in byte ranges), and this is the
 * proof that nothing more is needed. Used by the e2e tests and the benchmarks.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/** MIME types by lower-case file extension; anything else is served as octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.geojson': 'application/geo+json',
};

/** A running server; `close()` stops it and drops open keep-alive connections. */
export interface StaticServer {
  /** Origin with trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Folder to serve; requests cannot leave it. */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** A satisfiable byte range, both ends inclusive as in HTTP. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a single-range `Range` header against a file size (RFC 9110 §14.1.2).
 *
 * @returns the range; `'unsatisfiable'` for a well-formed range that lies outside the file
 *   (answered with 416); `undefined` when the header is absent, malformed or multi-range, in
 *   which case the whole file is sent, as the RFC allows.
 */
export function parseRange(
  header: string | undefined,
  sizeBytes: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffixBytes = Number(last);
    if (suffixBytes === 0 || sizeBytes === 0) return 'unsatisfiable';
    return { start: Math.max(0, sizeBytes - suffixBytes), end: sizeBytes - 1 };
  }
  const start = Number(first);
  const end = last === '' ? sizeBytes - 1 : Math.min(Number(last), sizeBytes - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= sizeBytes) return 'unsatisfiable';
  return { start, end };
}

/** Maps a URL path to a file under root, or undefined when it would escape root. */
function resolveUnderRoot(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  return target === root || target.startsWith(root + sep) ? target : undefined;
}

function sendStatus(res: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  const body = `${status}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendStatus(res, 405, { Allow: 'GET, HEAD' });
    return;
  }
  // The raw path, not a WHATWG-normalised one, so `..` is judged by the root check below.
  const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let filePath = resolveUnderRoot(root, urlPath);
  if (!filePath) {
    sendStatus(res, 403);
    return;
  }
  let info = await stat(filePath).catch(() => undefined);
  // A folder is served through its index.html only; there is never a listing.
  if (info?.isDirectory()) {
    filePath = resolve(filePath, 'index.html');
    info = await stat(filePath).catch(() => undefined);
  }
  if (!info?.isFile()) {
    sendStatus(res, 404);
    return;
  }
  const sizeBytes = info.size;
  const headers: Record<string, string> = {
    'Content-Type': MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': 'no-cache',
  };
  const range = parseRange(req.headers.range, sizeBytes);
  if (range === 'unsatisfiable') {
    sendStatus(res, 416, { 'Content-Range': `bytes */${sizeBytes}` });
    return;
  }
  if (range) {
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${range.start}-${range.end}/${sizeBytes}`,
      'Content-Length': String(range.end - range.start + 1),
    });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': String(sizeBytes) });
  }
  if (req.method === 'HEAD' || sizeBytes === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(filePath, range ?? {});
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Starts serving `root` on 127.0.0.1 and resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => {
      if (!res.headersSent) sendStatus(res, 500);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}
