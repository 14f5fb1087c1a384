import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';

/** Routes under /api/v1/users. */
@Module({ controllers: [UsersController] })
export class UsersModule {}
