"""Errors that reach the user as one clear line, never as a traceback."""


class UserError(Exception):
    """Bad input or misuse; the message names the file or option and the problem."""
