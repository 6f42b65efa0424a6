import type { ConstituencyDto, MpDto, MpTenureDto } from '@campaign-desk/contracts';
import type { ConstituencyRecord, MpRecordRow, TenureRecord } from './directory.repository';

export function toConstituencyDto(c: ConstituencyRecord): ConstituencyDto {
  return {
    id: c.gss,
    name: c.name,
    nameCy: c.nameCy,
    nation: c.nation,
    region: c.region,
    regionCode: c.regionCode,
    type: c.type,
    mp: c.mpId === null ? null : { id: c.mpId, name: c.mpName!, party: c.mpParty!, email: c.mpEmail },
  };
}

export function toTenureDto(t: TenureRecord): MpTenureDto {
  return {
    id: t.id,
    mpId: t.mpId,
    mpName: t.mpName,
    constituencyId: t.gss,
    constituencyName: t.constituencyName,
    party: t.party,
    startDate: t.startDate,
    endDate: t.endDate,
    endReason: t.endReason,
  };
}

export function toMpDto(m: MpRecordRow & { tenure: TenureRecord | null }, constituency: MpDto['constituency']): MpDto {
  return {
    id: m.id,
    name: m.name,
    fullTitle: m.fullTitle,
    party: m.party,
    email: m.email,
    twfyPersonId: m.twfyPersonId,
    current: m.tenure !== null,
    constituencyId: m.tenure?.gss ?? null,
    constituency,
    currentTenure: m.tenure ? toTenureDto(m.tenure) : null,
    addressFailing: m.addressFailingSince !== null,
    addressFailingSince: m.addressFailingSince?.toISOString() ?? null,
  };
}
