/** Entry point of the GitHub Action. The gate, triage and report modes arrive with their issues. */
export async function run(): Promise<void> {
  process.stderr.write("launchgate: the Action is not implemented yet; use the CLI (`launchgate check`).\n");
  process.exitCode = 1;
}
