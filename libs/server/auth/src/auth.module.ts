import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AccessGuard } from './access/access.guard';
import { AuthController } from './login/auth.controller';
import { AuthService } from './sessions/auth.service';
import { LoginRateLimiter } from './login/login-rate-limiter';
import { SessionsRepository } from './sessions/sessions.repository';
import { StaffSessionEntity } from './sessions/staff-session.entity';
import { SessionPurgeProcessor } from './sessions/session-purge.processor';
import { StaffUserEntity } from './staff-users/staff-user.entity';
import { StaffUsersRepository } from './staff-users/staff-users.repository';
import { StaffUsersService } from './staff-users/staff-users.service';
import { StaffUsersController } from './staff-users/staff-users.controller';

const SHARED = [AuthService, StaffUsersService, StaffUsersRepository, SessionsRepository, LoginRateLimiter];

/** HTTP side: sign-in, sessions, staff users, and the global access guard. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity, StaffSessionEntity]), AuditModule],
  controllers: [AuthController, StaffUsersController],
  providers: [...SHARED, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, StaffUsersService],
})
export class AuthModule {}

/** Worker side: the session purge job and the services the CLI uses, without controllers or the guard. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity, StaffSessionEntity]), AuditModule],
  providers: [...SHARED, SessionPurgeProcessor],
  exports: [StaffUsersService],
})
export class AuthWorkerModule {}
