// The condition builder and the parameters table each load on first use, in their own chunks, so that opening a
// draft does not wait for the part it does not show.

/** Loads `<ri-condition-builder>`. */
export const loadConditionBuilder = async (): Promise<void> => {
  await import('../conditions/ri-condition-builder.ts');
};

/** Loads `<ri-parameters-table>`. */
export const loadParametersTable = async (): Promise<void> => {
  await import('../parameters/ri-parameters-table.ts');
};
