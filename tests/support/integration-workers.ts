/**
 * How many integration files run at once (each with its own stack). The files mostly wait on
 * workers and servers, so two overlap well on two cores; `INTEGRATION_WORKERS=1` runs
 * them one by one.
 */
export function integrationWorkers(): number {
  const value = Number(process.env.INTEGRATION_WORKERS ?? "2");
  return Number.isInteger(value) && value > 0 ? value : 2;
}
