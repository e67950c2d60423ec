"""The README's command list is the tool's: every command listed, every listed option real,
and completion works as the README says."""

from __future__ import annotations

import re

import click
from click.testing import CliRunner

from kzcadastre_docs.cli import main

from .conftest import ROOT

PROG = "kzcadastre-docs"


def readme_commands() -> dict[str, str]:
    """{command path: its usage text} from the README's command list."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- commands:", 1)[1].split("```", 2)[1]
    commands: dict[str, str] = {}
    definitions: dict[str, str] = {}  # "STEP = --specialist ...": a name the usages use
    current = None
    for line in block.splitlines():
        definition = re.match(r"\s+([A-Z_]+) = (.*)", line)
        if definition:
            current = definition.group(1)
            definitions[current] = definition.group(2)
            continue
        if current in definitions and line.startswith(" ") and line.strip():
            definitions[current] += " " + line.strip()
            continue
        if line.startswith(PROG + " "):
            words = line[len(PROG) + 1:].split()
            name = words[0]
            command = main.commands.get(name)
            if isinstance(command, click.Group) and len(words) > 1:
                name = f"{name} {words[1]}"
            current = name
            commands[current] = line
        elif current and line.strip():
            commands[current] += " " + line.strip()
    for name, usage in commands.items():
        for word, meaning in definitions.items():
            usage = re.sub(rf"\b{word}\b", lambda _: meaning, usage)
        commands[name] = usage
    return commands


def tool_commands() -> dict[str, click.Command]:
    found = {}
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            found.update({f"{name} {sub}": subcommand for sub, subcommand in command.commands.items()})
        else:
            found[name] = command
    return found


def test_the_readme_lists_exactly_the_tools_commands():
    assert sorted(readme_commands()) == sorted(tool_commands())


def test_every_option_the_readme_shows_exists():
    tool = tool_commands()
    for name, usage in readme_commands().items():
        options = {opt for param in tool[name].params
                   for opt in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]}
        shown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z0-9-]*)", usage))
        assert shown <= options, (name, shown - options)


def _complete(words: str, cword: int, shell="bash"):
    env = {"_KZCADASTRE_DOCS_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    return CliRunner().invoke(main, [], env=env, prog_name=PROG).output


def test_completion_of_commands_options_and_form_slugs():
    assert "plain,preview" in _complete(f"{PROG} pre", 1)
    assert "plain,--message-lang" in _complete(f"{PROG} render --mes", 2)
    slugs = _complete(f"{PROG} render req", 2)
    assert "plain,requirements-new-object" in slugs and "plain,requirements-duplicate" in slugs
    assert "plain,annex-7" in _complete(f"{PROG} describe annex-", 2)
    zsh = _complete(f"{PROG} describe req", 2, "zsh")
    assert "requirements-new-object" in zsh and "Перечень основных требований" in zsh
