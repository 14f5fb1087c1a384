import { Module } from '@nestjs/common';
import { DivisionsController } from './divisions.controller';
import { RoutingController } from './routing.controller';
import { SettingsController } from './settings.controller';

/** Agents Management routes: divisions, allocation, workload, broadcast and routing, served by the divisions service. */
@Module({ controllers: [DivisionsController, SettingsController, RoutingController] })
export class DivisionsModule {}
