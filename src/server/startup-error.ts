/**
 * A start that cannot go on, said as one sentence naming the setting to change (issue 9: "start-up errors
 * are sentences"). src/main.ts prints the message alone, without a stack, and exits with status 2.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** What `listen` failing means, for the operator. */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`Port ${port} on ${host} is already in use: stop the program using it or set PORT to another port.`);
    case 'EACCES':
      return new StartupError(`Port ${port} on ${host} needs privileges this process does not have: set PORT to a port above 1023.`);
    case 'EADDRNOTAVAIL':
      return new StartupError(`This machine has no address ${host}: set HOST to one of its addresses.`);
    default:
      return error;
  }
}
