export * from './engagement.module';
export { MpContactsService, type EngagementActor } from './mp-contacts/mp-contacts.service';
export { MpResponsesService, type ResponseToRecord } from './mp-responses/mp-responses.service';
