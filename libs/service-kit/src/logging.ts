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
];

/** JSON logs through pino, one line per request with its correlation id. */
export function createLoggerModule(serviceName: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: serviceName,
      level,
      redact: REDACTED_PATHS,
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] }),
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
