import type { FieldError } from '../field-error';

/**
 * Text JSON can carry but a read store cannot keep as it was sent: U+0000 (PostgreSQL's jsonb, under
 * FerretDB, refuses it, so the projection writing it would fail) and a UTF-16 surrogate without its
 * pair (not a character: encoding it as UTF-8 for a document replaces it). An event holding such text
 * would be accepted and then lost or changed on the read side, so ingest refuses it.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Every string (value or object key) in `value` that is not storable text, named by its dotted path under `path`. */
export function unstorableTextErrors(value: unknown, path: string): FieldError[] {
  const reason = 'must not contain U+0000 or an unpaired UTF-16 surrogate';
  if (typeof value === 'string') return isStorableText(value) ? [] : [{ field: path, reason }];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableTextErrors(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(isStorableText(key) ? [] : [{ field: path, reason: `keys ${reason}` }]),
    ...unstorableTextErrors(item, `${path}.${key}`),
  ]);
}
