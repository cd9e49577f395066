import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatChange, formatCount, formatDuration, formatInUnit, formatMs, formatRate, formatSignedPct, perSecond } from '../../core/format.ts';
import { shownPath } from '../../core/shownPath.ts';

describe('core/format', () => {
  it('formats numbers the same on every machine', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect([0, 0.4821, 4.123, 12.55, 130.4, 1473].map(formatMs)).toEqual(['0', '0.482', '4.12', '12.6', '130', '1,473']);
    expect(formatInUnit(30000, 'ms')).toBe('30 s');
    expect(formatInUnit(2.467, '%')).toBe('2.47 %');
    expect(formatChange(10, 25)).toBe('+25.0 % (+10.0 ms)');
    expect(formatChange(-0.4, -3.2)).toBe('−3.20 % (−0.400 ms)');
  });

  it('formats durations, rates and signed percents for people', () => {
    expect([850, 4_230, 185_000, 3_720_000].map(formatDuration)).toEqual(['850 ms', '4.2 s', '3 min 05 s', '1 h 02 min']);
    expect(perSecond(12_345, 2_000)).toBe(6172.5);
    expect(perSecond(10, 0)).toBe(0);
    expect(formatRate(6172.5, 'rows')).toBe('6,173 rows/s');
    expect(formatRate(12.345)).toBe('12.3/s');
    expect(formatRate(0, 'rows')).toBe('0.00 rows/s');
    expect([25, -3.2, 0].map(formatSignedPct)).toEqual(['+25.0 %', '−3.20 %', '±0.00 %']);
  });

  it('formats sizes in 1024 steps, as Supabase means "50MB"', () => {
    expect([512, 1536, 52_428_800, 5 * 1024 ** 3].map(formatBytes)).toEqual(['512 B', '1.5 kB', '50 MB', '5 GB']);
  });
});

describe('shownPath', () => {
  const cwd = path.resolve('/work/project');

  it('is relative inside the working folder and absolute outside it', () => {
    expect(shownPath(path.join(cwd, 'out', 'run1'), cwd)).toBe(path.join('out', 'run1'));
    expect(shownPath('out/run1', cwd)).toBe(path.join('out', 'run1'));
    expect(shownPath(cwd, cwd)).toBe('.');
    expect(shownPath('../elsewhere/run1', cwd)).toBe(path.resolve('/work/elsewhere/run1'));
  });

  it('keeps a folder whose name starts with two dots inside the working folder relative', () => {
    expect(shownPath(path.join(cwd, '..hidden', 'run1'), cwd)).toBe(path.join('..hidden', 'run1'));
  });
});
