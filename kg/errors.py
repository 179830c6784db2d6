"""Every error the library raises. The CLI turns them into one line and an exit code."""


class BayanError(Exception):
    """Base class: a message that says what was wrong and how to fix it."""

    exit_code = 1


class InputError(BayanError):
    """A bad article file or record. ``path`` and ``line`` locate it."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path, self.line, self.reason = path, line, message
        where = path or "<input>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


class StoreError(BayanError):
    """The store cannot be opened, read or written."""


class QueryError(BayanError):
    """A named query is unknown, a parameter is missing or malformed, or SPARQL failed."""


class ValidationError(BayanError):
    """The graph violates the SHACL shapes."""


class LinkError(BayanError):
    """Wikidata could not be reached or answered badly."""
