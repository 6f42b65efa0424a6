import 'reflect-metadata';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { AuthService } from '@campaign-desk/server-auth';
import { AppModule } from '../../api/src/app.module';
import { LoginRateLimiter } from '../../../libs/server/auth/src/login/login-rate-limiter';
import { WorkerModule } from './worker.module';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => ModuleRef };

/** Every module reachable from `root` with the providers it declares, read from the @Module metadata. */
function moduleGraph(root: Type<unknown>): Map<Type<unknown>, unknown[]> {
  const graph = new Map<Type<unknown>, unknown[]>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || ref instanceof Promise) return;
    if ('forwardRef' in ref) return visit(ref.forwardRef());
    const dynamic = 'module' in ref ? ref : undefined;
    const type = dynamic ? dynamic.module : (ref as Type<unknown>);
    const providers = [
      ...((Reflect.getMetadata('providers', type) as Provider[] | undefined) ?? []),
      ...(dynamic?.providers ?? []),
    ].map((p) => (typeof p === 'function' ? p : 'useClass' in p ? p.useClass : p.provide));
    graph.set(type, [...(graph.get(type) ?? []), ...providers]);
    for (const child of [
      ...((Reflect.getMetadata('imports', type) as ModuleRef[] | undefined) ?? []),
      ...((dynamic?.imports as ModuleRef[] | undefined) ?? []),
    ])
      if (!graph.has(child as Type<unknown>) || 'module' in child) visit(child);
  };
  visit(root);
  return graph;
}

const modulesProviding = (root: Type<unknown>, provider: unknown) =>
  [...moduleGraph(root)].filter(([, providers]) => providers.includes(provider)).map(([type]) => type.name);

describe('the worker module graph', () => {
  it('holds one AuthService and no sign-in rate limiter (no Redis connection of its own)', () => {
    expect(modulesProviding(WorkerModule, AuthService)).toEqual(['AuthCoreModule']);
    expect(modulesProviding(WorkerModule, LoginRateLimiter)).toEqual([]);
  });

  it('the API has the rate limiter, in its auth module (so the check above can see one)', () => {
    expect(modulesProviding(AppModule, LoginRateLimiter)).toEqual(['AuthModule']);
    expect(modulesProviding(AppModule, AuthService)).toEqual(['AuthCoreModule']);
  });
});
