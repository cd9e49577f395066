import { describe, expect, it } from 'vitest';
import { journeyApplicationName, JOURNEY_HEADER } from '../../../stack/rest/journeyHeader.ts';
import { journeyTag } from '../../../scenarios/diagnostics/journeyTag.ts';

describe('the journey header of the local REST stack', () => {
  it('takes a journey tag as the request transaction\'s application_name', () => {
    expect(journeyApplicationName({ [JOURNEY_HEADER]: journeyTag('order-view') })).toBe('gomflow:order-view');
    expect(journeyApplicationName({ [JOURNEY_HEADER]: journeyTag('a journey with spaces') })).toBe('gomflow:a_journey_with_spaces');
  });

  it('leaves the application_name alone for anything that is not a journey tag', () => {
    expect(journeyApplicationName({})).toBeUndefined();
    expect(journeyApplicationName({ [JOURNEY_HEADER]: 'psql' })).toBeUndefined();
    expect(journeyApplicationName({ [JOURNEY_HEADER]: 'gomflow:x y' })).toBeUndefined();
    expect(journeyApplicationName({ [JOURNEY_HEADER]: `gomflow:${'a'.repeat(56)}` })).toBeUndefined();
  });
});
