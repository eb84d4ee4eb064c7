"""Run awscli's own shorthand parser on inputs and describe the outcome.

Shared by scripts/record-shorthand-cases.py (which writes the fixture) and by
tests/shorthand.rs (which pipes generated inputs through `serve` live).

Each outcome is {"input": s, "output": json} or {"input": s, "error": text},
or {"input": s, "crash": text} when awscli fails with some other Python
exception (a NUL byte in a file path, RecursionError on very deep nesting):
awscli has no message of its own for those, so only "is an error" is checked.
Error text is rebuilt from the exception's fields with awscli's own
`_error_location()`: awscli 1.45's ShorthandParseSyntaxError message has a
formatting bug (a plain string where an f-string was meant) and prints the
literal text "{self._error_location()}" instead of the caret diagram, so the
recorded text is the one awscli means to print (and printed before the bug).
"""

import json
import sys

# awscli.shorthand must be imported before awscli.paramfile (import cycle).
from awscli.shorthand import (
    DuplicateKeyInObjectError,
    ShorthandParser,
    ShorthandParseSyntaxError,
)
from awscli.paramfile import ResourceLoadingError


def _jsonable(value):
    if isinstance(value, bytes):
        # fileb:// yields bytes; the Rust parser returns them as text.
        return value.decode('utf-8')
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def outcome(text):
    try:
        value = ShorthandParser().parse(text)
    except ShorthandParseSyntaxError as e:
        message = (
            f"Expected: '{e.expected}', received: '{e.actual}' for input:\n"
            f"{e._error_location()}"
        )
        return {'input': text, 'error': message}
    except DuplicateKeyInObjectError as e:
        return {'input': text, 'error': str(e)}
    except ResourceLoadingError as e:
        return {'input': text, 'error': str(e)}
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        return {'input': text, 'crash': f'{type(e).__name__}: {e}'}
    return {'input': text, 'output': _jsonable(value)}


def serve():
    """Read a JSON list of inputs on stdin, write a JSON list of outcomes."""
    inputs = json.load(sys.stdin)
    json.dump([outcome(s) for s in inputs], sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    serve()
