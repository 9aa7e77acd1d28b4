"""Shared fixtures of the Python module's tests: where the project's files are, the tandem
binary (for comparing with the command line), and the bundled pair aligned once."""

import os
import pathlib

import pytest

import tandem

SOURCE_ROOT = pathlib.Path(
    os.environ.get("TANDEM_SOURCE_ROOT", pathlib.Path(__file__).resolve().parents[2]))
SAMPLES = SOURCE_ROOT / "corpora" / "samples" / "reply-to-stalin"
TEST_DATA = SOURCE_ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def samples():
    assert (SAMPLES / "en.txt").is_file(), f"the bundled pair is missing from {SAMPLES}"
    return SAMPLES


@pytest.fixture(scope="session")
def test_data():
    assert (TEST_DATA / "reply-to-stalin" / "gold.vecalign").is_file()
    return TEST_DATA


@pytest.fixture(scope="session")
def tandem_binary():
    binary = os.environ.get("TANDEM_BINARY")
    if not binary or not os.path.exists(binary):
        pytest.skip("tandem-skip: the tandem binary is not known (run the tests through ctest)")
    return binary


@pytest.fixture(scope="session")
def letter(samples):
    """The bundled pair aligned without dictionary (fast, and the same on every machine)."""
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    return aligner.align_files(samples / "en.txt", samples / "hu.txt")
