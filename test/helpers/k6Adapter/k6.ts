// The `k6` module the scripts import, on Node: check, sleep, group.
import { k6State } from './k6State.ts';

export function check<T>(value: T, sets: Record<string, (value: T) => boolean>): boolean {
  let all = true;
  for (const [name, test] of Object.entries(sets)) {
    const ok = Boolean(test(value));
    k6State().check(name, ok);
    all &&= ok;
  }
  return all;
}

/** k6's sleep blocks the VU; Atomics.wait blocks this thread the same way. */
export function sleep(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

export function group<T>(_name: string, fn: () => T): T {
  return fn();
}
