"""The ``policygraph`` command: a thin door onto the library.

Each sub-command lives in its own module here (``build``, ``query``, ``serve``, ``validate``,
``reason``) and exposes a click ``command``; this module only gathers them and maps the
library's errors to one line on stderr and an exit code (2: bad input).
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import PolicyGraphError

COMMAND_MODULES = ("build", "query", "serve", "validate", "reason")
EXIT_BAD_INPUT = 2


class _LazyGroup(click.Group):
    """Imports a sub-command's module only when that command runs (or help lists it), so
    ``policygraph serve`` does not pay for pyshacl or owlready2, and a broken module breaks only
    its own command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMAND_MODULES:
            return None
        return importlib.import_module(f"{__name__}.{cmd_name}").command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policygraph")
def cli() -> None:
    """Dutch privacy statements as a validated, queryable DPV knowledge graph."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    try:
        # Without standalone mode click *returns* the code given to ``ctx.exit(n)``.
        code = cli.main(args=argv, prog_name="policygraph", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except (PolicyGraphError, FileNotFoundError) as exc:
        click.echo(f"policygraph: error: {exc}", err=True)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # sub-commands report their exit code this way
        return int(exc.code or 0)
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
