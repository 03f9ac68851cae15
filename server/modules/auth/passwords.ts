import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum: 19 MiB, 2 iterations, 1 lane (~100 ms on this class of machine).
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this when the login does not exist keeps the answer time the same,
// so response timing does not tell which logins exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword('not-a-real-password-0'));
}
