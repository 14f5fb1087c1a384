import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SERVICE_ENVIRONMENT } from '@regu/service-kit';
import { verifyWebhookSignature } from '../../provider/webhook-signature';
import { ApplyTemplateStatusHandler } from '../../templates/application/apply-template-status/apply-template-status.handler';
import type { WhatsAppEnvironment } from '../../whatsapp.environment';
import { templateStatusUpdates } from '../application/template-status-updates';

/**
 * Meta's webhook callback, on the service's own HTTP port: GET answers the verification
 * challenge, POST applies template status updates after checking X-Hub-Signature-256.
 */
@Controller('webhooks/whatsapp')
export class WhatsAppWebhookController {
  private readonly logger = new Logger(WhatsAppWebhookController.name);

  constructor(
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: WhatsAppEnvironment,
    private readonly applyStatus: ApplyTemplateStatusHandler,
  ) {}

  /** Returns `hub.challenge` when `hub.mode` is subscribe and `hub.verify_token` matches, else 403. */
  @Get()
  verify(@Query() query: Record<string, unknown>, @Res() response: Response): void {
    const mode = query['hub.mode'];
    const token = query['hub.verify_token'];
    const challenge = query['hub.challenge'];
    if (mode !== 'subscribe' || token !== this.environment.WHATSAPP_WEBHOOK_VERIFY_TOKEN || typeof challenge !== 'string') {
      this.logger.warn({ mode }, 'webhook verification rejected');
      response.status(HttpStatus.FORBIDDEN).json({ status: 403, code: 'WEBHOOK_VERIFICATION_FAILED', detail: 'hub.mode or hub.verify_token is wrong.' });
      return;
    }
    response.status(HttpStatus.OK).type('text/plain').send(challenge);
  }

  /**
   * Applies every template status update of the body, then answers 200. A 401 for a bad
   * signature changes nothing; a 5xx makes Meta deliver the body again, which is safe
   * because applying an update twice changes nothing.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  async receive(@Req() request: Request & { rawBody?: Buffer }): Promise<{ received: number }> {
    const correlationId = String(request.headers['x-correlation-id'] ?? randomUUID());
    const signature = request.headers['x-hub-signature-256'];
    const rawBody = request.rawBody ?? Buffer.alloc(0);
    if (!verifyWebhookSignature(rawBody, typeof signature === 'string' ? signature : undefined, this.environment.WHATSAPP_APP_SECRET)) {
      this.logger.warn({ correlationId, bytes: rawBody.length }, 'webhook signature does not match; nothing changed');
      throw new HttpException({ status: 401, code: 'WEBHOOK_SIGNATURE_INVALID', detail: 'The X-Hub-Signature-256 header does not match the body; nothing was changed.' }, HttpStatus.UNAUTHORIZED);
    }

    const updates = templateStatusUpdates(request.body, new Date(), correlationId);
    for (const update of updates) {
      await this.applyStatus.handle(update);
    }
    return { received: updates.length };
  }
}
