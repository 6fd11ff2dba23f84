import { gzipSync } from 'fflate';

/**
 * Gzip with a fixed header (no timestamp, no file name, OS byte "Unix") from a pure-JS deflate,
 * so the same input gives the same bytes on every machine. Node's zlib is a native build whose
 * output may differ between zlib versions and CPU-specific code paths, which would make the
 * committed archive look stale on another developer's machine.
 */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  return gzipSync(data, { level: 9, mtime: 0 });
}
