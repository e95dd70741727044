import { createPrivateKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Reads a PEM private key and checks it is Ed25519; throws an error saying what is wrong. */
export function readEd25519PrivateKey(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`"${path}" is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`"${path}" holds a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/** What is wrong with a private key file, or undefined when it is a readable Ed25519 PEM key; for config checks at boot. */
export function privateKeyFileProblem(path: string): string | undefined {
  try {
    readEd25519PrivateKey(path);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Creates an Ed25519 key (PKCS#8 PEM, readable by its owner only) at `path` unless one is there.
 * Processes starting together (test workers, the apps of `npm start`) may all call this: the key is
 * written to a temporary name and hard-linked into place, which fails for all but the first, so every
 * caller ends up reading the same key.
 */
export function ensureDevelopmentKeyFile(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}
