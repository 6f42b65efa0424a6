export * from './engagement.module';
export { MpContactsService } from './mp-contacts/mp-contacts.service';
export { MpResponsesService, type ResponseToRecord } from './mp-responses/mp-responses.service';
export { MeetingsService } from './meetings/meetings.service';
export { MpActionsService } from './mp-actions/mp-actions.service';
export { LettersService } from './letters/letters.service';
export { EngagementDataSubjectService } from './data-subject/engagement-data-subject.service';
