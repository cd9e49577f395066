/** Every journey's application_name starts with this, so the server's views and log tell load traffic from the rest. */
export const JOURNEY_TAG_PREFIX = 'gomflow:';

/**
 * The application_name a journey's statements carry (set per transaction by the request
 * context): the prefix and the journey's name with anything but letters, digits, `.`, `_` and
 * `-` replaced, so the log line prefix stays one word; cut to the server's 63 characters.
 */
export function journeyTag(journey: string): string {
  return `${JOURNEY_TAG_PREFIX}${journey.replace(/[^\w.-]+/g, '_')}`.slice(0, 63);
}

/** application_name → journey name, for the journeys of one scenario; tags not in it are someone else's traffic. */
export function journeysByTag(journeys: readonly { name: string }[]): Map<string, string> {
  return new Map(journeys.map((journey) => [journeyTag(journey.name), journey.name]));
}
