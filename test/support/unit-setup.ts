// Unit tests must pass on a clone without ../shared beside it: point the shared data at nowhere, so a unit
// test that reads the corpus or the reference data fails here instead of passing by accident.
// Tests that need the shared data are integration tests (test/integration).
process.env.SHARED_DATA_DIR = '/nonexistent/shared-data-is-for-integration-tests';
