// The `k6/timers` module on Node: the same functions.
export { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
