"""The documentation stands alone and cannot drift: docs/ontology.md is the ontology's, the README's
numbers and usage are the code's, and nothing points outside the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from graph.cli import main
from graph.evaluate import evaluate_file, format_table
from graph.export.ontology import to_markdown
from tests.conftest import ROOT

README = ROOT / "README.md"
ONTOLOGY_MD = ROOT / "docs" / "ontology.md"
SEED_SCORES = re.compile(r"(<!-- seed-scores -->\n)(.*?)(<!-- /seed-scores -->)", re.S)


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_ontology_md_is_generated_from_the_ontology() -> None:
    assert ONTOLOGY_MD.read_text(encoding="utf-8") == to_markdown(), "docs/ontology.md is stale: run `make docs`"


def test_ontology_md_documents_every_term_the_seed_export_uses(seed_build) -> None:
    _, out = seed_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    doc = ONTOLOGY_MD.read_text(encoding="utf-8")
    used = {p for _, p, _ in g} | {o for _, p, o in g if str(p).endswith("#type")}
    for term in sorted(used - {RDF.type}):
        prefixed = g.namespace_manager.normalizeUri(term)
        assert f"`{prefixed}`" in doc, prefixed


def test_no_link_or_path_leaves_the_repository() -> None:
    for doc in (README, *(ROOT / "docs").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        assert "../" not in text, doc.name
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):  # every link names a file of the repository
            assert not re.match(r"[a-z]+:", target), (doc.name, target)  # a user's mirror may have no network
            assert (doc.parent / target).exists(), (doc.name, target)


def _anchors(doc: str) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings: lower case, what is not a letter, digit, space, hyphen or
    underscore dropped, spaces made hyphens; a heading met again gets -1, -2 and so on."""
    seen: dict[str, int] = {}
    out = set()
    for heading in re.findall(r"^#+ (.+)$", re.sub(r"^```.*?^```", "", doc, flags=re.S | re.M), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        out.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return out


def test_every_link_to_a_heading_finds_it() -> None:
    for doc in (README, *(ROOT / "docs").glob("*.md")):
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            linked = doc.parent / target if target else doc
            assert anchor in _anchors(linked.read_text(encoding="utf-8")), (doc.name, f"{target}#{anchor}")


def test_the_usage_block_lists_every_option() -> None:
    block = re.search(r"## Usage\n\n```\n(.*?)```", readme(), re.S)
    assert block is not None
    lines = block.group(1)
    for name, command in main.commands.items():
        usage = re.search(rf"^newskg {name} .*?(?=^newskg |^python|\Z)", lines, re.S | re.M)
        assert usage is not None, name
        for param in command.params:
            if param.param_type_name == "option" and not param.hidden:
                assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", usage.group()) for o in param.opts), (name, param.opts)


def test_the_query_list_is_the_commands() -> None:
    listed = CliRunner().invoke(main, ["query", "--list"]).stdout
    assert listed and listed in readme()


def test_the_readme_gives_no_stale_counts_of_triples() -> None:
    assert re.findall(r"\d[\d,]* triples", readme()) == []


def test_the_readme_seed_scores_are_the_current_ones(seed_build, update_golden) -> None:
    _, out = seed_build
    table = "```\n" + format_table(evaluate_file(out / "graph.ttl", ROOT / "tests" / "gold" / "seeds")) + "```\n"
    text = readme()
    assert SEED_SCORES.search(text), "the README lost its <!-- seed-scores --> markers"
    if update_golden:
        README.write_text(SEED_SCORES.sub(lambda m: m.group(1) + table + m.group(3), text), encoding="utf-8")
        pytest.skip("README seed scores written")
    assert SEED_SCORES.search(text).group(2) == table, "run pytest --update-golden and review the README's comments on them"


def test_the_readme_names_the_cjk_font_and_shows_the_view() -> None:
    text = readme()
    assert "fonts-noto-cjk" in text and "fonts-wqy-microhei" in text
    assert "](docs/view.png)" in text


def test_the_python_example_prints_what_the_readme_says(tmp_path) -> None:
    """The README's "From Python" example, run where a user would run it (a folder with seeds/), prints its own output."""
    section = readme().split("### From Python", 1)[1].split("\n## ", 1)[0]
    code, printed = re.findall(r"```(?:python)?\n(.*?)```", section, re.S)[:2]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout == printed
    assert (tmp_path / "exports" / "graph.ttl").is_file()
