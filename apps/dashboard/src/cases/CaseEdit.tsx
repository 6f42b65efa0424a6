import { Edit, SimpleForm, type EditProps } from 'react-admin';
import { CaseRoutingInputs, CaseWorkInputs } from './CaseInputs';
import { toUpdatePayload } from './casePayload';

/** PUT /api/cases/:id: topics, priority, trust, story, and the constituency/MP override. Status and assignee have their own actions. */
export const CaseEdit = (props: EditProps) => (
  <Edit
    {...props}
    mutationMode="pessimistic"
    redirect="show"
    transform={(values, options) => toUpdatePayload(values, (options?.previousData ?? {}) as Record<string, unknown>)}
  >
    <SimpleForm sx={{ maxWidth: 680 }}>
      <CaseWorkInputs />
      <CaseRoutingInputs />
    </SimpleForm>
  </Edit>
);
