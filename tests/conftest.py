"""Shared fixtures: paths to test data and to the real files of ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Shared machines are noisy: property tests are judged on their results, never on
# how long one example takes.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
REPO = TESTS.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of small hand-written fixtures."""
    return DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Real files made by other software; the test is skipped when they are absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available in this checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (itself the demo research project)."""
    return REPO
