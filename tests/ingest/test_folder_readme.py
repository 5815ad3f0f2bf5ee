"""A folder's README is the folder's notes, not an article: a folder import passes it over with
a line of its own ("skipped", not an error); a README chosen by name is imported as asked."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import FOLDER_README, Outcome
from ingest.readers import is_folder_readme, iter_chosen
from workflows.importing import import_paths
from workflows.samples import sample_corpus_dir

ARTICLE = ("Title: Gains\nOutlet: Kyiv Ledger\nDate: 2025-06-01\n---\nOver the past year Russia "
           "took only 0.6% more of Ukraine's territory, according to the Institute for the Study "
           "of War.\n")
NOTES = ("# About these files\n\nThe articles in this folder say that Russia holds about 18 "
         "percent of Ukraine, according to several outlets.\n")


def test_the_sample_folder_holds_fourteen_articles_and_its_readme_is_passed_over():
    chosen = list(iter_chosen([sample_corpus_dir()]))
    readmes = [path.name for path, in_folder in chosen if in_folder and is_folder_readme(path)]
    articles = [path for path, _ in chosen if not is_folder_readme(path)]
    assert readmes == ["README.md"]
    assert len(articles) == 14 and all(p.suffix == ".txt" for p in articles)


def test_readme_names_in_any_case_and_suffix():
    for name in ("README", "README.md", "readme.txt", "ReadMe.markdown"):
        assert is_folder_readme(Path(name))
    for name in ("readme-2024.txt", "read_me.md", "README.en.md", "article.md"):
        assert not is_folder_readme(Path(name))


def test_a_folder_import_skips_its_readme_with_a_line_and_imports_the_rest(db, tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "README.md").write_text(NOTES, encoding="utf-8")
    (folder / "sub" / "readme.txt").write_text(NOTES, encoding="utf-8")
    (folder / "gains.txt").write_text(ARTICLE, encoding="utf-8")

    results = list(import_paths(db, [folder], actor="tester"))

    by_name = {Path(r.source).name: r for r in results}
    assert set(by_name) == {"README.md", "readme.txt", "gains.txt"}
    assert by_name["gains.txt"].outcome == Outcome.IMPORTED
    for name in ("README.md", "readme.txt"):
        assert by_name[name].outcome == Outcome.SKIPPED
        assert by_name[name].message == FOLDER_README
        assert by_name[name].line().startswith("skipped ")


def test_a_readme_chosen_by_name_is_imported(db, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(NOTES, encoding="utf-8")

    (result,) = import_paths(db, [readme], actor="tester")

    assert result.outcome == Outcome.IMPORTED


def test_the_command_line_says_skipped_and_exits_0(tmp_path, capsys):
    from cli.main import main

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "README.md").write_text(NOTES, encoding="utf-8")
    (folder / "gains.txt").write_text(ARTICLE, encoding="utf-8")

    code = main(["import", "--db", str(tmp_path / "desk.sqlite"), str(folder)])

    out = capsys.readouterr().out
    assert code == 0
    assert "skipped   " in out and "README.md" in out
    assert "2 files: 1 imported" in out and "0 rejected, 1 skipped" in out
