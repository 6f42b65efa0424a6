/** The reports page (issue 7): placeholder until it lands. */
export const ReportsPage = () => null;
