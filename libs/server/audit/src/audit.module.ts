import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-log/audit-event.entity';
import { AuditRepository } from './audit-log/audit.repository';
import { AuditService } from './audit-log/audit.service';
import { AuditLogService } from './audit-log/audit-log.service';
import { AuditEventsController } from './audit-log/audit-events.controller';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditEventsController],
  providers: [AuditRepository, AuditService, AuditLogService],
  exports: [AuditService],
})
export class AuditModule {}
