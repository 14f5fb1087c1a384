export const ROLES = ['admin', 'supervisor', 'agent'] as const;

/** The role of a user in one organization. Only `admin` changes anything. */
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
