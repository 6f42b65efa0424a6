import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PostcodeLookupResult } from '@campaign-desk/contracts';
import { AnyStaff } from '@campaign-desk/server-core';
import { DirectoryService } from '../directory.service';
import { LookupQueryDto } from '../dto/lookup-query.dto';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /** Constituency and MP for a postcode, sector or district; 400 names `postcode` and says format or not found. */
  @Get('lookup')
  @AnyStaff()
  lookup(@Query() query: LookupQueryDto): Promise<PostcodeLookupResult> {
    return this.directory.lookup(query.postcode);
  }

  /** What is loaded, when, from where: for the About page and operators. */
  @Get('status')
  @AnyStaff()
  status() {
    return this.directory.status();
  }
}
