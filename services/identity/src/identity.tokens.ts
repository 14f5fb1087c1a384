/** Injection tokens of the identity service's ports, bound to their Mongo implementations in the modules. */
export const USER_REPOSITORY = Symbol('USER_REPOSITORY');
export const ORGANIZATION_REPOSITORY = Symbol('ORGANIZATION_REPOSITORY');
export const CREDENTIALS_REPOSITORY = Symbol('CREDENTIALS_REPOSITORY');
export const EMAIL_CLAIMS_REPOSITORY = Symbol('EMAIL_CLAIMS_REPOSITORY');
export const USERS_READ_MODEL = Symbol('USERS_READ_MODEL');
export const LOGIN_ATTEMPTS_REPOSITORY = Symbol('LOGIN_ATTEMPTS_REPOSITORY');
export const REFRESH_TOKEN_REPOSITORY = Symbol('REFRESH_TOKEN_REPOSITORY');
export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
