import { parseCmiTimespan, parseIsoDuration } from './scorm-session-time';

describe('parseCmiTimespan (SCORM 1.2 cmi.core.session_time)', () => {
  it.each([
    ['0000:00:00', 0],
    ['00:00:00', 0],
    ['12:30:05.5', 12 * 3600 + 30 * 60 + 5.5],
    ['0001:02:03.25', 3723.25],
    ['00:00:59.99', 59.99],
    ['100:00:00', 100 * 3600],
    ['9999:59:59', 9999 * 3600 + 59 * 60 + 59],
    ['0:07:30', 450],
    ['00:00:05.125', 5.125],
    ['00:00:59.999', 59.999],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseCmiTimespan(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'must be a CMITimespan'],
    ['12:30', 'must be a CMITimespan'],
    ['12:3:05', 'must be a CMITimespan'],
    ['10000:00:00', 'must be a CMITimespan'],
    ['00:00:05.', 'must be a CMITimespan'],
    ['-01:00:00', 'must be a CMITimespan'],
    [' 00:01:00', 'must be a CMITimespan'],
    ['PT5M', 'must be a CMITimespan'],
    ['00:60:00', 'minutes must be 00–59'],
    ['00:00:60', 'seconds must be below 60'],
  ])('refuses %j with a reason', (text, reason) => {
    const result = parseCmiTimespan(text);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(reason) });
    expect((result as { reason: string }).reason).toContain(JSON.stringify(text));
  });
});

describe('parseIsoDuration (SCORM 2004 cmi.session_time)', () => {
  it.each([
    ['PT0S', 0],
    ['P0D', 0],
    ['PT1H2M3.5S', 3723.5],
    ['P0DT0H5M', 300],
    ['P1DT2H', 93_600],
    ['PT45S', 45],
    ['PT0.25S', 0.25],
    ['PT90M', 5400],
    ['PT1.5S', 1.5],
    ['P0Y0M0DT0H12M30.75S', 750.75],
    ['PT200H', 720_000],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'must be an ISO 8601 duration'],
    ['P', 'must be an ISO 8601 duration'],
    ['PT', 'must be an ISO 8601 duration'],
    ['P1DT', 'must be an ISO 8601 duration'],
    ['T5M', 'must be an ISO 8601 duration'],
    ['PT5', 'must be an ISO 8601 duration'],
    ['PT1.5M', 'must be an ISO 8601 duration'],
    ['PT1,5S', 'must be an ISO 8601 duration'],
    ['P2W', 'must be an ISO 8601 duration'],
    ['PT-5S', 'must be an ISO 8601 duration'],
    ['pt5m', 'must be an ISO 8601 duration'],
    ['PT5S ', 'must be an ISO 8601 duration'],
    ['PT2M1H', 'must be an ISO 8601 duration'],
    ['00:05:00', 'must be an ISO 8601 duration'],
    ['P1M', 'years and months have no fixed length'],
    ['P1YT5M', 'years and months have no fixed length'],
  ])('refuses %j with a reason', (text, reason) => {
    expect(parseIsoDuration(text)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});
