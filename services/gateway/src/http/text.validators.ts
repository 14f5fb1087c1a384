import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Trims surrounding whitespace from a string; other values pass unchanged for the validators to reject. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** A mandatory text field: trimmed, and blank counts as missing (`field is required`). */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(Trim(), IsString(), IsNotEmpty(), MaxLength(maxLength));
}
