import { directoryRoutes, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../http/endpoint.js';
import { type AuthedCtx, Ctx } from '../http/request-context.js';
import { DirectoryService } from './directory.service.js';

const r = directoryRoutes;

@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Endpoint(r.departments)
  departments() {
    return this.directory.departments();
  }

  @Endpoint(r.people)
  people(@Query() query: ParsedQuery<typeof r.people>) {
    return this.directory.people(query);
  }

  @Endpoint(r.person)
  person(@Param('id') id: string) {
    return this.directory.person(id);
  }

  @Endpoint(r.setRoles)
  setRoles(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.setRoles>) {
    return this.directory.setRoles(ctx, id, body.roles);
  }

  @Endpoint(r.import)
  import(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.import>) {
    return this.directory.import(ctx, body);
  }
}
