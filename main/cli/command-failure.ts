// A command that cannot do what was asked for a reason the user can fix (a path that does not
// exist, an unreadable file): the CLI prints `arc-ttt <command>: <message>` on one line, exit 1.
export class CommandFailure extends Error {}
