import { Module } from '@nestjs/common';
import { AuthRoutesController } from './auth-routes.controller';

/** Routes under /api/v1/auth. */
@Module({ controllers: [AuthRoutesController] })
export class AuthRoutesModule {}
