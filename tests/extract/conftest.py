"""Fixtures for extraction tests (helpers live in extract_helpers.py)."""
import pytest

from extract_helpers import run


@pytest.fixture
def extract():
    return run
