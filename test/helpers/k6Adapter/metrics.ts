// The `k6/metrics` module on Node: the four metric types recording into the run's state.
import { k6State } from './k6State.ts';

class Metric {
  constructor(readonly name: string, type: 'counter' | 'rate' | 'trend' | 'gauge', isTime = false) {
    k6State().declare(name, type, isTime);
  }
  add(value: number | boolean, tags?: Record<string, string>): void {
    k6State().add(this.name, Number(value), tags);
  }
}

export class Counter extends Metric {
  constructor(name: string) { super(name, 'counter'); }
}
export class Rate extends Metric {
  constructor(name: string) { super(name, 'rate'); }
}
export class Gauge extends Metric {
  constructor(name: string) { super(name, 'gauge'); }
}
export class Trend extends Metric {
  constructor(name: string, isTime = false) { super(name, 'trend', isTime); }
}
