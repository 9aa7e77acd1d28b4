#!/bin/sh
# Runs one file of the Python module's tests with the interpreter the module was built for;
# skips (exit 77, CTest's SKIP_RETURN_CODE) when that interpreter has no pytest.
#   run_pytest.sh PYTHON TEST_FILE
python=$1
test_file=$2
if ! "$python" -c "import pytest" >/dev/null 2>&1; then
  echo "tandem-skip: pytest is not installed for $python (Debian: python3-pytest)"
  exit 77
fi
cd "$(dirname "$test_file")" || exit 1
exec "$python" -m pytest -q -rs -p no:cacheprovider "$test_file"
