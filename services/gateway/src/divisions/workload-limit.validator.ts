import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Bounds of a number workload limit. The divisions service enforces the same ones. */
export const MIN_WORKLOAD_LIMIT = 1;
export const MAX_WORKLOAD_LIMIT = 100;

/** A workload limit: a whole number from 1 to 100, or the string `unlimited`. Fails with code VALIDATION_IS_WORKLOAD_LIMIT. */
export function IsWorkloadLimit(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWorkloadLimit',
      validator: {
        validate: (value: unknown) =>
          value === 'unlimited' || (typeof value === 'number' && Number.isInteger(value) && value >= MIN_WORKLOAD_LIMIT && value <= MAX_WORKLOAD_LIMIT),
        defaultMessage: () => `must be a whole number from ${MIN_WORKLOAD_LIMIT} to ${MAX_WORKLOAD_LIMIT}, or "unlimited"`,
      },
    },
    options,
  );
}
