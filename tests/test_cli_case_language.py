"""A case file's problems (bundle, demo) in the clerk's language: a document without a date,
an unknown form, a data path out of the case's root (issue 19)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main

from .test_cli_language import english_words

#: What the problems quote as they are: the form slug of the data, the data key document_date.
FACTS = ("documents[0].date", "requirements-duplicate", "document_date", "documents[1].form", "annex-99",
         "documents[2].data", "../../etc/passwd")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_case_files_problems_in_the_clerks_language(tmp_path, lang, output_format):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"lang": "ru", "documents": [
        {"form": "requirements-duplicate", "data": {}},
        {"form": "annex-99", "data": {}},
        {"form": "annex-1", "data": "../../etc/passwd"}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["bundle", str(case), "-o", str(tmp_path / "c.pdf"), "--message-lang", lang,
                                       "--format", output_format])
    assert result.exit_code == 2
    assert not (tmp_path / "c.pdf").exists()
    if output_format == "json":
        problems = json.loads(result.stdout)["error"]["problems"]
        assert [problem["rule"] for problem in problems] == ["required", "form", "data_path"]
        text = " ".join(problem["message"] for problem in problems)
    else:
        text = result.output
    assert all(fact in result.output for fact in FACTS[1::2] if fact != "document_date")
    text = re.sub(r"\[[a-z_]+\]", "", text)  # the rule codes, for programs
    assert [word for word in english_words(text) if word != "DIR"] == []  # DIR: the option's value, as typed
