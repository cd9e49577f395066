import { webcrypto } from 'node:crypto';
import { jwtKey } from '../auth/jwtKey.ts';

const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * The project secret as an HS256 CryptoKey, imported once per secret: handed raw bytes, jose
 * imports a key on every sign and verify, which was half of each Storage request's JWT check.
 */
export function storageJwtKey(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', jwtKey(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}
