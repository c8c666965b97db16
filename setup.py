"""The build step that pyproject.toml cannot declare: the wheel ships the compiled index of the
bundled data (``awsmap/catalog/bundled-index.sqlite3``), so the first run after an install does
not compile anything. Everything else about the package is in pyproject.toml."""

import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithIndex(build_py):
    def run(self) -> None:
        super().run()
        if self.dry_run:
            return
        # compile from the built package, in a child process, so nothing from an installed
        # awsmap (or a stale import) is used
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from awsmap.catalog.index import SHIPPED, build_shipped; build_shipped(SHIPPED)"
        )
        subprocess.run([sys.executable, "-c", code, self.build_lib], check=True)


setup(cmdclass={"build_py": BuildPyWithIndex})
