import type { Logger } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { EventSourcingLogger } from '@regu/event-sourcing';

/** Paths pino replaces with "[Redacted]": secrets must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.passwordHash',
  'req.query["hub.verify_token"]',
];

/** Query parameters that carry secrets and are masked in logged URLs (Meta's webhook check sends one). */
const SECRET_QUERY_PARAMETERS = ['hub.verify_token'];

/** Returns the URL with the values of secret query parameters replaced by "[Redacted]". */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) {
    return url;
  }
  const parameters = new URLSearchParams(query);
  const secrets = SECRET_QUERY_PARAMETERS.filter((name) => parameters.has(name));
  if (secrets.length === 0) {
    return url;
  }
  for (const name of secrets) {
    parameters.set(name, '[Redacted]');
  }
  return `${path}?${parameters.toString()}`;
}

/** JSON logs through pino, one line per request with its correlation id. */
export function createLoggerModule(serviceName: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: serviceName,
      level,
      redact: REDACTED_PATHS,
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] }),
      serializers: {
        req: (req: { url: string }) => ({ ...req, url: redactUrl(req.url) }),
      },
      // Health probes arrive every few seconds and would drown the request log.
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  });
}

/** Lets the framework-free event-sourcing library log through a Nest logger. */
export function nestLoggerAdapter(logger: Logger): EventSourcingLogger {
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.log(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}
