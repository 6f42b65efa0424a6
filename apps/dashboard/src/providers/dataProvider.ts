import simpleRestProvider from 'ra-data-simple-rest';
import { apiFetch } from './http';

/** react-admin's simple REST dialect, which the API follows for every resource (DESIGN §5). */
export const dataProvider = simpleRestProvider('/api', apiFetch);
