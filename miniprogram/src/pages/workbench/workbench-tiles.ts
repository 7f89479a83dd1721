import { appsForRoles, type Me, type WorkbenchApp } from '@dayuan/shared';

/** The tiles a person sees: apps the server grants (`me.apps`) that this build ships and their roles allow. */
export function workbenchTiles(me: Me): WorkbenchApp[] {
  return appsForRoles(me.roles.map((grant) => grant.role)).filter((app) => me.apps.includes(app.slug));
}
