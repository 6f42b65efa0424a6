import { Module } from '@nestjs/common';
import { AuditModule } from '@campaign-desk/server-audit';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Reports over the read models kept by migration 1700000006000 (see its header for why triggers). */
@Module({
  imports: [AuditModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
