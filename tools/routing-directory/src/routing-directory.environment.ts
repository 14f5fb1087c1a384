/** Settings read from the environment at start-up; the defaults match Regu's local mode. */
export interface RoutingDirectoryEnvironment {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** Name of the consumer's own database. Do not point it at a Regu service's database. */
  database: string;
  groupId: string;
  /** Empty for every organization. */
  organizationIds: Set<string>;
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment and throws one error listing every invalid variable. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): RoutingDirectoryEnvironment {
  const problems: string[] = [];
  const kafkaBrokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()).filter(Boolean);
  if (kafkaBrokers.length === 0 || kafkaBrokers.some((broker) => !/^[^\s:]+:\d+$/.test(broker))) {
    problems.push(`KAFKA_BROKERS must be host:port[,host:port...], got "${env.KAFKA_BROKERS}"`);
  }

  const mongoUrl = env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  if (!/^mongodb(\+srv)?:\/\//.test(mongoUrl)) {
    problems.push(`MONGO_URL must start with mongodb:// or mongodb+srv://, got "${mongoUrl}"`);
  }

  const database = env.ROUTING_DIRECTORY_DATABASE ?? 'routing_directory';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(database)) {
    problems.push(`ROUTING_DIRECTORY_DATABASE must be 1 to 63 letters, digits, _ or -, got "${database}"`);
  }

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  if (problems.length > 0) {
    throw new Error(`Invalid environment:\n- ${problems.join('\n- ')}`);
  }

  return {
    kafkaBrokers,
    mongoUrl,
    database,
    groupId: env.ROUTING_DIRECTORY_GROUP_ID ?? 'routing-directory',
    organizationIds: new Set((env.ROUTING_DIRECTORY_ORGANIZATION_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean)),
    logLevel,
  };
}
