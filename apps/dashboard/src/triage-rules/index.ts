import RuleIcon from '@mui/icons-material/Rule';
import { TriageRuleCreate, TriageRuleEdit } from './TriageRuleEdit';
import { TriageRuleList } from './TriageRuleList';

/** Admin-editable keyword rules behind the triage suggestions (registered for admins only in App.tsx). */
export const triageRules = {
  name: 'triage-rules',
  list: TriageRuleList,
  create: TriageRuleCreate,
  edit: TriageRuleEdit,
  icon: RuleIcon,
  recordRepresentation: 'keyword',
};
