import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** Hashes and verifies passwords. The hash goes to the `credentials` collection only. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  needsRehash(hash: string): boolean;
  /** Spends the time of one verification and returns false, for logins with an unknown email. */
  verifyWithoutUser(password: string): Promise<false>;
}

export interface Argon2Options {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

/**
 * The lowest argon2id cost this service accepts: 19 MiB (19,456 KiB), 2 passes, 1 lane.
 * The constructor accepts higher values and rejects lower ones.
 */
export const MIN_ARGON2_OPTIONS: Argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes passwords with argon2id into the PHC string format, which records the salt and
 * the parameters, so hashes made with older parameters still verify. Passwords are
 * NFKC-normalized first, so one password typed with composed or decomposed accents
 * verifies the same.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: Argon2Options = MIN_ARGON2_OPTIONS) {
    if (
      options.memoryCost < MIN_ARGON2_OPTIONS.memoryCost ||
      options.timeCost < MIN_ARGON2_OPTIONS.timeCost ||
      options.parallelism < MIN_ARGON2_OPTIONS.parallelism
    ) {
      throw new RangeError(
        `argon2id options below the minimum of memoryCost ${MIN_ARGON2_OPTIONS.memoryCost} KiB, timeCost ${MIN_ARGON2_OPTIONS.timeCost}, parallelism ${MIN_ARGON2_OPTIONS.parallelism}`,
      );
    }
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password.normalize('NFKC'), { type: argon2.argon2id, ...this.options });
  }

  /** Returns false for a wrong password and for a hash that is not a valid argon2 string. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password.normalize('NFKC'));
    } catch {
      return false;
    }
  }

  /** Returns true when the hash was made with other parameters, so it should be rehashed after a successful login. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }

  /**
   * Verifies against a hash of a random string, so that a login with an unknown email
   * takes as long as one with a wrong password and the timing does not reveal which.
   */
  async verifyWithoutUser(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
