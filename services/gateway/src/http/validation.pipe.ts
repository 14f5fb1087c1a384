import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, ProblemException } from './problem.exception';

/** Constraints whose failure on an absent value means the field was left out. */
const REQUIRED_CONSTRAINTS = new Set(['isDefined', 'isNotEmpty', 'arrayNotEmpty']);

/**
 * The global pipe: validates bodies and queries with class-validator, rejects unknown
 * properties (so `role`, `organizationId` or `passwordHash` cannot be slipped in), and
 * answers 400 with one entry per field, `field is required` for a missing one.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ProblemException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', {}, toFieldProblems(errors)),
  });
}

export function toFieldProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [toFieldProblem(field, error)] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

function toFieldProblem(field: string, error: ValidationError): FieldProblem {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);

  if (names.includes('whitelistValidation')) {
    return { field, code: 'UNKNOWN_FIELD' };
  }
  const absent =
    error.value === undefined ||
    error.value === null ||
    (typeof error.value === 'string' && error.value.trim() === '') ||
    (Array.isArray(error.value) && error.value.length === 0);
  if (absent && (names.some((name) => REQUIRED_CONSTRAINTS.has(name)) || error.value === undefined || error.value === null)) {
    return { field, code: 'FIELD_REQUIRED' };
  }

  const name = names[0] ?? 'invalid';
  const code = `VALIDATION_${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
  const limit = error.contexts?.[name]?.limit ?? extractLimit(constraints[name] ?? '');
  return { field, code, params: limit === undefined ? {} : { limit }, message: constraints[name] };
}

/**
 * class-validator writes the bound into its English message and nowhere else in the
 * error: the allowed values after "values:", or the last number for size limits.
 */
function extractLimit(message: string): string | undefined {
  const allowed = /values: (.+)$/.exec(message);
  if (allowed) {
    return allowed[1];
  }
  const numbers = message.match(/\d+(?:\.\d+)?/g);
  return numbers?.[numbers.length - 1];
}
