import { AppError } from '@ledger/runtime';
import { negotiateXapiVersion, requireXapiVersion } from './xapi-version';

describe('the X-Experience-API-Version header', () => {
  it.each([
    ['1.0.3', '1.0.3'],
    ['1.0.0', '1.0.3'],
    ['1.0', '1.0.3'],
    ['1.0.12', '1.0.3'],
    ['2.0.0', '2.0.0'],
    ['2.0', '2.0.0'],
    [' 2.0.1 ', '2.0.0'],
  ])('answers %p as %s, the newest patch of its line', (header, version) => {
    expect(negotiateXapiVersion(header)).toBe(version);
    expect(requireXapiVersion(header)).toBe(version);
  });

  it.each([[undefined], [''], ['0.95'], ['1.1.0'], ['3.0.0'], ['2'], ['latest'], [['1.0.3', '2.0.0']]])('refuses %p with 400 naming the header', (header) => {
    expect(negotiateXapiVersion(header)).toBeNull();
    let thrown: unknown;
    try {
      requireXapiVersion(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'REQUEST.INVALID', details: [{ index: -1, errors: [{ field: 'X-Experience-API-Version' }] }] });
  });

  it('says a missing header is required', () => {
    expect(() => requireXapiVersion(undefined)).toThrow('X-Experience-API-Version header is required');
  });
});
