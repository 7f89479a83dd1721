import { Global, Module } from '@nestjs/common';
import { GuestPasses } from '../platform/guest-passes/guest-passes.js';
import { BlockListController } from './block-list.controller.js';
import { BlockListRepository } from './block-list.repository.js';
import { BlockListService } from './block-list.service.js';
import { GateController } from './gate.controller.js';
import { GateRepository } from './gate.repository.js';
import { GateService } from './gate.service.js';
import { GuardDeskController } from './guard-desk.controller.js';
import { GuardDeskService } from './guard-desk.service.js';
import { MeetingPassesService } from './meeting-passes.service.js';
import { VisitPassages } from './visit-passages.js';
import { VisitorAccessController } from './visitor-access.controller.js';
import { VisitorAccessService } from './visitor-access.service.js';
import { VisitorLinks } from './visitor-links.js';
import { VisitorStatsService } from './visitor-stats.service.js';
import { VisitorSweeper } from './visitor-sweeper.js';
import { VisitsController } from './visits.controller.js';
import { VisitsRepository } from './visits.repository.js';
import { VisitsService } from './visits.service.js';

// Global for one thing: the guest-pass port meeting rooms use (会议一件事).
@Global()
@Module({
  controllers: [
    GateController,
    VisitsController,
    VisitorAccessController,
    GuardDeskController,
    BlockListController,
  ],
  providers: [
    GateService,
    GateRepository,
    VisitsRepository,
    VisitsService,
    VisitorAccessService,
    VisitorLinks,
    VisitPassages,
    GuardDeskService,
    BlockListRepository,
    BlockListService,
    VisitorStatsService,
    VisitorSweeper,
    MeetingPassesService,
    { provide: GuestPasses, useExisting: MeetingPassesService },
  ],
  exports: [GuestPasses],
})
export class VisitorsModule {}
