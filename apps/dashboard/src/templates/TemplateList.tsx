import { DataTable, DateField, List, useTranslate } from 'react-admin';
import type { EmailTemplateDto } from '@campaign-desk/contracts';

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
          render={(r) => translate(`resources.templates.recipients.${r.recipientKind}`)}
        />
        <Column source="subject" disableSort />
        <Column source="version" disableSort />
        <Column source="updatedAt" disableSort field={DateField} />
      </DataTable>
    </List>
  );
};
