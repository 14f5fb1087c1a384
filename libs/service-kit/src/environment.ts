import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min, validateSync } from 'class-validator';

/**
 * Environment variables every service reads. Defaults match the local mode that
 * `npm run infra:up` starts. Services extend this class with their own variables.
 */
export class ServiceEnvironment {
  @IsString()
  @IsNotEmpty()
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsString()
  @IsNotEmpty()
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';

  /** Replication factor of the topics a service creates: 1 locally, 3 on a production cluster. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  KAFKA_TOPIC_PARTITIONS = 3;
}

/**
 * Reads and validates the environment into `type`, applying its defaults.
 * Throws one error listing every invalid variable, so a bad deployment fails at start-up.
 */
export function loadEnvironment<T extends object>(type: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new type() as Record<string, unknown>;
  const provided = Object.fromEntries(Object.keys(defaults).filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const instance = plainToInstance(type, { ...defaults, ...provided });

  const problems = validateSync(instance, { forbidUnknownValues: false });
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  ${problem.property}=${JSON.stringify(problem.value)}: ${Object.values(problem.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  return instance;
}
