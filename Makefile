# Two commands do everything on a fresh machine (Python >= 3.11 with venv):
#   make demo   render every sample document into out/
#   make test   run the whole test suite
# Both create the local virtual environment .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test goldens templates clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kzcadastre-docs demo --samples samples -o out --force

test: $(STAMP)
	$(BIN)/python -m pytest

# Rewrite the golden documents from the current output: read the test diff first.
goldens: $(STAMP)
	$(BIN)/python -m pytest tests/test_goldens.py tests/test_drawing.py --update-goldens -q

# Rebuild the shipped templates from tools/template_text/*.yaml.
templates: $(STAMP)
	$(BIN)/python tools/build_templates.py
	$(BIN)/python tools/build_passport_templates.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache
