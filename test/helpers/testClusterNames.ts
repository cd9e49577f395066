/** The suite's own cluster, apart from the developer's `.gomflow/postgres`. */
export const TEST_DATA_DIR = '.gomflow/test-postgres';
/** Holds the bundled schema; each test file clones it. */
export const TEMPLATE_DATABASE = 'gomflow_test_template';
