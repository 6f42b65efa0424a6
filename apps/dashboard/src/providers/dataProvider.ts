import simpleRestProvider from 'ra-data-simple-rest';
import { apiFetch } from './http';
import { withKeysetPages } from './keysetPages';

/**
 * react-admin's simple REST dialect, which the API follows for every resource (DESIGN §5); case lists
 * also follow the server's keyset cursor and say when their total is an estimate.
 */
export const dataProvider = withKeysetPages(simpleRestProvider('/api', apiFetch), apiFetch, ['cases']);
