/** Injection token of the NewUserDependencies that registration and organization creation share. */
export const NEW_USER_DEPENDENCIES = Symbol('NEW_USER_DEPENDENCIES');
