import { customRandom } from 'nanoid';
import { createRng } from './random.js';

const HEX = '0123456789abcdef';

/**
 * Makes AWS-looking ids (vpc-0a1b2c3d4e5f67890) that depend only on a seed and a name, so
 * the same template loads with the same ids on every run and every machine, whatever the
 * order resources are created in.
 */
export class IdMaker {
  private readonly used = new Set<string>();

  constructor(private readonly seed: string) {}

  make(prefix: string, name: string, length = 17): string {
    for (let attempt = 0; ; attempt++) {
      const rng = createRng(`${this.seed}\u0000${prefix}\u0000${name}\u0000${attempt}`);
      const draw = customRandom(HEX, length, (size) => {
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = Math.floor(rng.next() * 256);
        return bytes;
      });
      const id = `${prefix}-${draw()}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
