"""Where the data lives: chosen by QA_HOME, a source checkout or the user's data folder, never by the working
directory; the server's keyword index in the user's cache, never in the source tree."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from core.errors import BadSetting
from core.settings import PROJECT_DIR, Settings, default_home

HOME_PATHS = {"chroma_path": "chroma", "seed_dir": "articles", "upload_dir": "uploads",
              "feedback_path": "feedback.jsonl"}


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No QA_* variable set; XDG folders and HOME inside tmp_path; the working directory elsewhere."""
    import os

    for name in [n for n in os.environ if n.startswith("QA_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return tmp_path


def test_server_keyword_index_defaults_to_the_user_cache_not_the_source_tree(clean_env):
    server = Settings(chroma_host="10.0.0.5", chroma_port=8123, collection="news")
    assert server.keyword_index_path == clean_env / "xdg-cache" / "ask-the-article" / "keywords" / "10.0.0.5-8123-news.sqlite3"
    assert not server.keyword_index_path.is_relative_to(PROJECT_DIR)


def test_server_keyword_index_is_one_file_for_every_home(clean_env):
    # Processes on one host using one server share the index, whatever their home or checkout.
    one = Settings(home=clean_env / "a", chroma_host="db", collection="news")
    other = Settings(home=clean_env / "b", chroma_host="db", collection="news")
    assert one.keyword_index_path == other.keyword_index_path


def test_embedded_keyword_index_lies_in_the_store_and_an_explicit_one_wins(clean_env):
    embedded = Settings(chroma_path=clean_env / "x", collection="news")
    assert embedded.keyword_index_path == clean_env / "x" / "qa-keywords" / "news.sqlite3"
    chosen = dataclasses.replace(embedded, chroma_host="db", keyword_index=clean_env / "k.db")
    assert chosen.keyword_index_path == clean_env / "k.db"


def test_qa_home_places_every_data_path(clean_env, monkeypatch):
    monkeypatch.setenv("QA_HOME", str(clean_env / "home"))
    settings = Settings.from_env()
    assert settings.home == clean_env / "home"
    assert {name: getattr(settings, name) for name in HOME_PATHS} == {
        name: clean_env / "home" / relative for name, relative in HOME_PATHS.items()}
    assert settings.keyword_index_path == clean_env / "home" / "chroma" / "qa-keywords" / "articles.sqlite3"


def test_a_path_set_on_its_own_wins_over_the_home(clean_env, monkeypatch):
    monkeypatch.setenv("QA_HOME", str(clean_env / "home"))
    monkeypatch.setenv("QA_CHROMA_PATH", str(clean_env / "store"))
    settings = Settings.from_env()
    assert settings.chroma_path == clean_env / "store"
    assert settings.seed_dir == clean_env / "home" / "articles"


def test_a_source_checkout_keeps_its_data_in_the_checkout(clean_env):
    assert default_home() == PROJECT_DIR / "data"  # this checkout: pyproject.toml beside the code
    assert Settings().chroma_path == PROJECT_DIR / "data" / "chroma"
    checkout = clean_env / "checkout"
    checkout.mkdir()
    (checkout / "pyproject.toml").write_text("[project]\n")
    assert default_home(checkout) == checkout / "data"


def test_an_installed_package_keeps_its_data_in_the_user_data_folder(clean_env, monkeypatch):
    site_packages = clean_env / "site-packages"  # an installed package: no pyproject.toml beside the code
    site_packages.mkdir()
    assert default_home(site_packages) == clean_env / "xdg-data" / "ask-the-article"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(clean_env / "user"))
    assert default_home(site_packages) == clean_env / "user" / ".local" / "share" / "ask-the-article"


def test_the_working_directory_does_not_move_the_data(clean_env, monkeypatch):
    before = Settings.from_env()
    monkeypatch.chdir(clean_env)
    assert Settings.from_env() == before
    assert all(getattr(before, name).is_absolute() for name in HOME_PATHS)


def test_a_bad_number_names_the_variable(clean_env, monkeypatch):
    monkeypatch.setenv("QA_CHROMA_PORT", "eighty")
    with pytest.raises(BadSetting, match="QA_CHROMA_PORT='eighty' is not a whole number"):
        Settings.from_env()

