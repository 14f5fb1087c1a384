import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ACCESS_TOKEN_ALGORITHM } from '@regu/auth';
import { calculateJwkThumbprint, exportJWK, type JSONWebKeySet, type JWK } from 'jose';

/** The key identity signs access tokens with. */
export interface SigningKey {
  /** The `kid` header of every token, and of the public key in the JWKS. */
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK with `kid`, `alg` and `use`, which the gateway verifies with. */
  publicJwk: JWK;
  /**
   * True when no key was configured and one was generated at start. Tokens signed with
   * it fail verification after a restart, and each replica would sign with its own key.
   */
  ephemeral: boolean;
}

/** The environment variables the loader reads. */
export interface SigningKeyEnvironment {
  /** A PEM EC P-256 private key (PKCS#8 or SEC1). Literal `\n` sequences count as line breaks. */
  IDENTITY_JWT_PRIVATE_KEY?: string;
  /** A path to a PEM file with that key, for secrets mounted as files. */
  IDENTITY_JWT_PRIVATE_KEY_FILE?: string;
  /** The `kid`. Defaults to the key's RFC 7638 thumbprint, which changes only with the key. */
  IDENTITY_JWT_KEY_ID?: string;
  NODE_ENV?: string;
}

/** The key configuration is missing or invalid, so identity cannot start. */
export class SigningKeyConfigurationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SigningKeyConfigurationError';
  }
}

/**
 * Loads identity's ES256 signing key from IDENTITY_JWT_PRIVATE_KEY or
 * IDENTITY_JWT_PRIVATE_KEY_FILE. Without either, it generates an ephemeral key for
 * development, and throws when NODE_ENV is `production`.
 */
export class SigningKeyLoader {
  constructor(private readonly readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')) {}

  async load(environment: SigningKeyEnvironment): Promise<SigningKey> {
    const pem = this.readPem(environment);
    if (pem === undefined) {
      return this.generateEphemeral(environment);
    }

    const privateKey = parseP256PrivateKey(pem);

    return toSigningKey(privateKey, environment.IDENTITY_JWT_KEY_ID, false);
  }

  private readPem(environment: SigningKeyEnvironment): string | undefined {
    const inline = nonEmpty(environment.IDENTITY_JWT_PRIVATE_KEY);
    const path = nonEmpty(environment.IDENTITY_JWT_PRIVATE_KEY_FILE);
    if (inline !== undefined && path !== undefined) {
      throw new SigningKeyConfigurationError('Set IDENTITY_JWT_PRIVATE_KEY or IDENTITY_JWT_PRIVATE_KEY_FILE, not both.');
    }
    if (inline !== undefined) {
      return inline.replace(/\\n/g, '\n');
    }
    if (path === undefined) {
      return undefined;
    }
    try {
      return this.readFile(path);
    } catch (error) {
      throw new SigningKeyConfigurationError(`Cannot read IDENTITY_JWT_PRIVATE_KEY_FILE ${path}; check the path and its permissions.`, { cause: error });
    }
  }

  private async generateEphemeral(environment: SigningKeyEnvironment): Promise<SigningKey> {
    if (environment.NODE_ENV === 'production') {
      throw new SigningKeyConfigurationError(
        'No signing key in production; set IDENTITY_JWT_PRIVATE_KEY or IDENTITY_JWT_PRIVATE_KEY_FILE to a PEM EC P-256 private key.',
      );
    }
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return toSigningKey(privateKey, environment.IDENTITY_JWT_KEY_ID, true);
  }
}

/** Returns the JWKS document the gateway fetches, with the public half of each key. */
export function toJwks(...keys: SigningKey[]): JSONWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}

function parseP256PrivateKey(pem: string): KeyObject {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    // The parser's message can quote the input, so only its class travels on as the cause.
    throw new SigningKeyConfigurationError('The signing key is not a readable PEM private key.', { cause: new Error((error as Error).name) });
  }
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new SigningKeyConfigurationError(
      `The signing key must be an EC P-256 key for ${ACCESS_TOKEN_ALGORITHM}, not ${privateKey.asymmetricKeyType ?? 'unknown'} ${privateKey.asymmetricKeyDetails?.namedCurve ?? ''}.`.trim(),
    );
  }
  return privateKey;
}

async function toSigningKey(privateKey: KeyObject, configuredKid: string | undefined, ephemeral: boolean): Promise<SigningKey> {
  const publicKeyJwk = await exportJWK(createPublicKey(privateKey));
  const kid = nonEmpty(configuredKid) ?? (await calculateJwkThumbprint(publicKeyJwk, 'sha256'));

  return {
    kid,
    privateKey,
    publicJwk: { ...publicKeyJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' },
    ephemeral,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
