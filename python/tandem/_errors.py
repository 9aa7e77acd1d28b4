"""tandem's exceptions: one base class, tandem.Error, and a subclass per kind of failure that is
also the built-in exception a Python programmer expects (a missing file is a FileNotFoundError,
bad input a ValueError). Every message is tandem's own, naming the input and the place
("hu.txt:120:17: invalid UTF-8 (byte 0xC3)"); `code` is the library's status code name."""


class Error(Exception):
    """Base class of every error tandem raises."""

    code = "unknown"


class NotFoundError(Error, FileNotFoundError):
    """A file, dictionary or id that was asked for does not exist."""


class FileError(Error, OSError):
    """Reading or writing failed at the operating-system level (a directory, no permission)."""


class InvalidArgumentError(Error, ValueError):
    """An argument is not acceptable (an unknown language, format or option value)."""


class InvalidDataError(Error, ValueError):
    """An input's content is malformed (invalid UTF-8, bad XML, a bad line)."""


class UnsupportedError(Error, ValueError):
    """A well-formed request tandem cannot carry out (a format it cannot read that way)."""


class ResourceExhaustedError(Error, RuntimeError):
    """The input would need more memory or time than allowed."""


_CLASSES = {
    "not found": NotFoundError,
    "i/o error": FileError,
    "invalid argument": InvalidArgumentError,
    "invalid data": InvalidDataError,
    "unsupported": UnsupportedError,
    "resource exhausted": ResourceExhaustedError,
}


def error_class(code: str) -> type:
    """The class for a status code name (tandem::StatusCodeName); Error for the others."""
    return _CLASSES.get(code, Error)
