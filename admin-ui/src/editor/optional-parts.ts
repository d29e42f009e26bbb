/// <reference types="vite/client" />
// The condition builder and the parameters table are written beside the editor; a glob (not an import) lets the
// editor build and run before they exist, showing a note in their place, and loads them on demand once they do.
const conditionBuilder = import.meta.glob(['../conditions/ri-condition-builder.ts', '../elements/ri-condition-builder.ts']);
const parametersTable = import.meta.glob('../elements/ri-parameters-table.ts');

async function loadFirst(modules: Record<string, () => Promise<unknown>>): Promise<boolean> {
  const load = Object.values(modules)[0];
  if (!load) return false;
  await load();
  return true;
}

/** Loads `<ri-condition-builder>`; false when it is not part of this build. */
export const loadConditionBuilder = (): Promise<boolean> => loadFirst(conditionBuilder);

/** Loads `<ri-parameters-table>`; false when it is not part of this build. */
export const loadParametersTable = (): Promise<boolean> => loadFirst(parametersTable);
