"""The public surface is exactly __all__, and every CLI command has help text."""

from __future__ import annotations

from typer.testing import CliRunner

import tidings
from tidings.cli import app


def test_all_is_exact() -> None:
    public = {n for n in dir(tidings) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(tidings, n)).__name__ == "module"}
    assert set(tidings.__all__) == public - modules - {"annotations"}


def test_every_command_has_help() -> None:
    runner = CliRunner()
    import typer.main

    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"run", "demo", "eval"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"command {name} has no help text"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
