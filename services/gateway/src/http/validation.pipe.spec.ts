import { ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max } from 'class-validator';
import { RequiredText } from './text.validators';
import { ProblemException } from './problem.exception';
import { createValidationPipe } from './validation.pipe';

class SampleBody {
  @RequiredText(5)
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  agentIds!: string[];

  @IsOptional()
  @IsInt()
  @Max(10)
  limit?: number;
}

async function validate(body: unknown): Promise<ProblemException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleBody });
  } catch (error) {
    return error as ProblemException;
  }
  throw new Error('expected the body to be rejected');
}

describe('createValidationPipe', () => {
  it('lists every missing field as FIELD_REQUIRED', async () => {
    const problem = await validate({});

    expect(problem.getStatus()).toBe(400);
    expect(problem.fieldProblems).toEqual([
      { field: 'name', code: 'FIELD_REQUIRED' },
      { field: 'agentIds', code: 'FIELD_REQUIRED' },
    ]);
  });

  it('treats a blank string as missing', async () => {
    const problem = await validate({ name: '  ', agentIds: ['a'] });

    expect(problem.fieldProblems).toEqual([{ field: 'name', code: 'FIELD_REQUIRED' }]);
  });

  it('rejects unknown properties by name', async () => {
    const problem = await validate({ name: 'ok', agentIds: ['a'], organizationId: 'other' });

    expect(problem.fieldProblems).toEqual([{ field: 'organizationId', code: 'UNKNOWN_FIELD' }]);
  });

  it('names the broken constraint and its limit', async () => {
    const problem = await validate({ name: 'too long', agentIds: ['a'], limit: 11 });

    expect(problem.fieldProblems).toEqual([
      expect.objectContaining({ field: 'name', code: 'VALIDATION_MAX_LENGTH', params: { limit: '5' } }),
      expect.objectContaining({ field: 'limit', code: 'VALIDATION_MAX', params: { limit: '10' } }),
    ]);
  });

  it('accepts a valid body', async () => {
    const value = await createValidationPipe().transform({ name: 'ok', agentIds: ['a'] }, { type: 'body', metatype: SampleBody });

    expect(value).toBeInstanceOf(SampleBody);
  });
});
