/** A uuid in its canonical text form: checked before a query, so a bad id is a 404 or a 400, never a Postgres 22P02. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
