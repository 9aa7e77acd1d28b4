"""Builds the extension tandem._tandem with the project's CMake (python/CMakeLists.txt) and
packages it with python/tandem; pyproject.toml has the metadata."""

import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        options = [
            "-DCMAKE_BUILD_TYPE=Release", "-DTANDEM_BUILD_TESTS=OFF",
            "-DTANDEM_BUILD_BENCHMARKS=OFF", "-DTANDEM_INSTALL=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ]
        try:
            import pybind11
            options.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except ImportError:
            pass
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir), *options], check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "tandem_python",
                        "-j", jobs], check=True)
        built = next((build_dir / "python" / "tandem").glob("_tandem*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    packages=["tandem"],
    package_dir={"": "python"},
    package_data={"tandem": ["*.pyi", "py.typed"]},
    ext_modules=[Extension("tandem._tandem", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
