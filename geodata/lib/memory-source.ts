import type { RangeResponse, Source } from 'pmtiles';

/** A PMTiles `Source` over bytes in memory, so the app's reader can check archives we write. */
export class MemorySource implements Source {
  readonly #bytes: Uint8Array;
  readonly #key: string;

  constructor(bytes: Uint8Array, key = 'memory') {
    this.#bytes = bytes;
    this.#key = key;
  }

  getKey(): string {
    return this.#key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.#bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}
