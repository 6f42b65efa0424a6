import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AccessGuard } from './access/access.guard';
import { AuthController } from './login/auth.controller';
import { LoginRateLimiter } from './login/login-rate-limiter';
import { LoginService } from './login/login.service';
import { AuthService } from './sessions/auth.service';
import { SessionPurgeProcessor } from './sessions/session-purge.processor';
import { SessionsRepository } from './sessions/sessions.repository';
import { StaffSessionEntity } from './sessions/staff-session.entity';
import { StaffUserEntity } from './staff-users/staff-user.entity';
import { StaffUsersController } from './staff-users/staff-users.controller';
import { StaffUsersRepository } from './staff-users/staff-users.repository';
import { StaffUsersService } from './staff-users/staff-users.service';

/**
 * Services only: sessions (AuthService) and staff users, for every process and for other domain
 * libs. No controllers, no guard and no sign-in rate limiter (so no Redis connection of its own).
 * The repositories are exported for this lib's HTTP module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity, StaffSessionEntity]), AuditModule],
  providers: [AuthService, StaffUsersService, StaffUsersRepository, SessionsRepository],
  exports: [AuthService, StaffUsersService, StaffUsersRepository, SessionsRepository],
})
export class AuthCoreModule {}

/** HTTP side (the API): sign-in with its rate limiter, sessions, staff users, and the global access guard. */
@Module({
  imports: [AuthCoreModule, AuditModule],
  controllers: [AuthController, StaffUsersController],
  providers: [LoginRateLimiter, LoginService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthCoreModule],
})
export class AuthModule {}

/** Worker side: the session purge job. */
@Module({
  imports: [AuthCoreModule],
  providers: [SessionPurgeProcessor],
  exports: [AuthCoreModule],
})
export class AuthWorkerModule {}
