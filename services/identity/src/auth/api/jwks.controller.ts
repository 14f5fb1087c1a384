import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { SIGNING_KEY } from '../../identity.tokens';
import { toJwks, type SigningKey } from '../signing-key';

/** Publishes the public signing key on identity's HTTP port, where the gateway fetches it by `kid`. */
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): JSONWebKeySet {
    return toJwks(this.key);
  }
}
