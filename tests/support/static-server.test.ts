import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, startStaticServer, type StaticServer } from './static-server.ts';

/** 256 distinct bytes, so any wrong offset shows up as wrong content. */
const ARCHIVE_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const SIZE = ARCHIVE_BYTES.length;

let workDir: string;
let server: StaticServer;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'static-server-'));
  const root = join(workDir, 'site');
  await mkdir(join(root, 'tiles'), { recursive: true });
  await mkdir(join(root, 'fonts', 'Noto Sans Regular'), { recursive: true });
  await mkdir(join(root, 'empty-folder'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'tiles', 'a.pmtiles'), ARCHIVE_BYTES);
  await writeFile(join(root, 'fonts', 'Noto Sans Regular', '0-255.pbf'), 'glyphs');
  await writeFile(join(workDir, 'secret.txt'), 'outside root');
  await mkdir(join(workDir, 'site-private'));
  await writeFile(join(workDir, 'site-private', 'key.txt'), 'sibling folder');
  server = await startStaticServer({ root });
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(
  path: string,
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

async function getRange(range: string): Promise<Response> {
  return fetch(new URL('tiles/a.pmtiles', server.url), { headers: { Range: range } });
}

describe('static server, Range requests', () => {
  it('answers a closed range with 206, Content-Range and exactly those bytes', async () => {
    const res = await getRange('bytes=16-47');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 16-47/${SIZE}`);
    expect(res.headers.get('content-length')).toBe('32');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ARCHIVE_BYTES.subarray(16, 48));
  });

  it('answers an open-ended range up to the last byte', async () => {
    const res = await getRange('bytes=250-');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 250-255/${SIZE}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ARCHIVE_BYTES.subarray(250));
  });

  it('answers a suffix range with the last N bytes', async () => {
    const res = await getRange('bytes=-4');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 252-255/${SIZE}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ARCHIVE_BYTES.subarray(252));
  });

  it('clamps a range that runs past the end, as PMTiles asks for more than it needs', async () => {
    const res = await getRange('bytes=0-16383');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-255/${SIZE}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ARCHIVE_BYTES);
  });

  it('refuses a range starting past the end with 416 and the size', async () => {
    const res = await getRange(`bytes=${SIZE}-`);
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
  });

  it('sends the whole file with 200 when there is no Range, and advertises byte ranges', async () => {
    const res = await fetch(new URL('tiles/a.pmtiles', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ARCHIVE_BYTES);
  });

  it('answers HEAD with the range headers and no body', async () => {
    const res = await rawGet('/tiles/a.pmtiles', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(SIZE));
    expect(res.body.length).toBe(0);
  });
});

describe('parseRange', () => {
  it('ignores malformed, reversed and multi-range headers so the whole file is sent', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=a-b', 100)).toBeUndefined();
    expect(parseRange('bytes=50-10', 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('items=0-1', 100)).toBeUndefined();
  });

  it('treats a zero-length suffix and any range of an empty file as unsatisfiable', () => {
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('static server, types and safety', () => {
  it('labels tiles and glyphs with their MIME types', async () => {
    const tiles = await fetch(new URL('tiles/a.pmtiles', server.url));
    expect(tiles.headers.get('content-type')).toBe('application/octet-stream');
    const glyphs = await fetch(new URL('fonts/Noto%20Sans%20Regular/0-255.pbf', server.url));
    expect(glyphs.status).toBe(200);
    expect(glyphs.headers.get('content-type')).toBe('application/x-protobuf');
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('never lists a folder', async () => {
    const res = await fetch(new URL('empty-folder/', server.url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('index.html');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/tiles/..%2f..%2fsecret.txt',
    '/../site-private/key.txt',
  ])('refuses to leave the root: %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(403);
    expect(res.body.toString()).not.toMatch(/outside root|sibling folder/);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('stops listening once closed', async () => {
    const other = await startStaticServer({ root: workDir });
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
