// The auth module's only door: its routes, the actor resolver core uses, and the CLI's helpers.
import type { ActorResolver } from '../../core/http/auth-plugin.js';
import type { ModuleContext, SyswardModule } from '../../core/module.js';
import { registerAuthRoutes } from './auth.routes.js';
import { createAuthService } from './auth.service.js';
import { registerUserRoutes } from './users.routes.js';
import { createUsersService } from './users.service.js';

export { createAuthService, checkPasswordStrength } from './auth.service.js';
export { createUsersService } from './users.service.js';

export const authModule: SyswardModule = {
  name: 'auth',
  register(app, ctx) {
    ctx.references.declare({ entity: 'person', table: 'users', column: 'person_id', as: 'users' });
    const auth = createAuthService(ctx);
    registerAuthRoutes(app, auth, ctx.config);
    registerUserRoutes(app, createUsersService(ctx));
    ctx.scheduler.add({
      name: 'auth.purge-expired-sessions',
      schedule: '0 17 * * * *',
      run: async () => void (await auth.purgeExpiredSessions()),
    });
  },
};

export function createAuthResolver(ctx: ModuleContext): ActorResolver {
  const auth = createAuthService(ctx);
  return {
    fromSessionToken: (token, req) => auth.resolveSession(token, req.actor),
    fromApiToken: (secret, req) => auth.resolveToken(secret, req.actor),
  };
}
