/** The chase plan settings page (admins; issue 6). Its route and menu entry are in App.tsx and layout/Menu.tsx. */
export { ChasePlanPage } from './ChasePlanPage';
export { chasePlanMessages } from './messages';
