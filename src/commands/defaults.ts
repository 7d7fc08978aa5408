/** Defaults the CLI shows in its help, kept apart so printing help loads no command. */
export const defaultLockTimeout = '2s';
