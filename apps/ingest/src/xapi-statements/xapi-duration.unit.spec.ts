import { durationSeconds, isIsoDuration } from './xapi-duration';

describe('xAPI durations (ISO 8601)', () => {
  it.each([
    ['PT1H30M', 5400],
    ['PT45.5S', 45.5],
    ['PT0,5S', 0.5],
    ['PT1.5H', 5400],
    ['P1DT2H3M4S', 93_784],
    ['P2W', 1_209_600],
    ['P0Y0M0DT0H12M', 720],
    ['PT0S', 0],
  ])('counts %s as %d seconds', (text, seconds) => {
    expect(durationSeconds(text)).toEqual({ ok: true, seconds });
  });

  it('accepts years and months as a duration but cannot count them as time spent', () => {
    expect(isIsoDuration('P1M')).toBe(true);
    expect(durationSeconds('P1M')).toEqual({ ok: false, reason: expect.stringContaining('years and months') });
    expect(durationSeconds('P1Y2D')).toMatchObject({ ok: false });
  });

  it.each(['', 'P', 'PT', 'P1DT', '1H', 'PT1H30', 'PT-5S', 'PT1S2M', '00:01:30', 'pt1h'])('refuses %p', (text) => {
    expect(isIsoDuration(text)).toBe(false);
    expect(durationSeconds(text)).toMatchObject({ ok: false, reason: expect.stringContaining('ISO 8601') });
  });
});
