"""The command line: the command table, the parser, Typer's help, the error boundary."""
