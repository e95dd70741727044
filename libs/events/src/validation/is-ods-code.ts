import { Matches } from 'class-validator';

/**
 * ODS code: the identifier the NHS Organisation Data Service gives a Trust, GP practice or other
 * organisation (e.g. `RJ1`, `A81001`). Its formats differ by kind of organisation and change over
 * time, so only the shape is checked; whether the organisation exists is not the ledger's concern.
 */
export const ODS_CODE = /^[A-Z0-9]{3,10}$/;

export function IsOdsCode(): PropertyDecorator {
  return Matches(ODS_CODE, { message: '$property must be an ODS code: 3 to 10 uppercase letters or digits' });
}
