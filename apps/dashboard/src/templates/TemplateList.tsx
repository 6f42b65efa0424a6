import { DataTable, List, useTranslate } from 'react-admin';
import type { EmailTemplateDto } from '@campaign-desk/contracts';
import { formatLondonDate } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<EmailTemplateDto>;

/** One row per template (its current version); admins open one to edit it. */
export const TemplateList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'key', order: 'ASC' }} perPage={25} exporter={false} pagination={false}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <Column source="name" disableSort />
        <Column source="description" disableSort />
        <Column
          source="recipientKind"
          disableSort
          render={(r) => translate(enumLabelKey('recipientKind', r.recipientKind))}
        />
        <Column source="subject" disableSort />
        <Column source="version" disableSort />
        <Column source="updatedAt" disableSort render={(r) => formatLondonDate(r.updatedAt)} />
      </DataTable>
    </List>
  );
};
