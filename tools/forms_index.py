"""Write kzcadastre_docs/data/forms_index.json: every registered form's summary (what `forms`
prints), so that `kzcadastre-docs forms` and shell completion need not import the models.

    python tools/forms_index.py          rewrite it
    python tools/forms_index.py --check  exit 1 if it differs from the registry

tests/test_cli_startup.py fails when the index is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
INDEX = ROOT / "kzcadastre_docs" / "data" / "forms_index.json"


def current() -> str:
    import kzcadastre_docs as kz

    return json.dumps([form.summary() for form in kz.forms()], ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    text = current()
    if "--check" in sys.argv[1:]:
        sys.exit(0 if INDEX.read_text(encoding="utf-8") == text else 1)
    INDEX.write_text(text, encoding="utf-8")
