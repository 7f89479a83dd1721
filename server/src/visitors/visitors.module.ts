import { Module } from '@nestjs/common';
import { GateController } from './gate.controller.js';
import { GateRepository } from './gate.repository.js';
import { GateService } from './gate.service.js';

@Module({ controllers: [GateController], providers: [GateService, GateRepository] })
export class VisitorsModule {}
