export * from './auth.module';
export * from './sessions/auth.service';
export type { LoginContext } from './login/login.service';
export * from './staff-users/staff-users.service';
export * from './access/current-user.decorator';
export * from './access/access.guard';
export { PASSWORD_MIN_LENGTH } from './staff-users/password';
export { SESSION_COOKIE } from './sessions/session-token';
