"""Independent pieces of one long job run on every core, by forking: the one place awsmap does.

Only the first run over a large user dataset needs it (11,000 entries: reading 23 MiB of YAML,
then compiling the index); every other run answers from the index in a few milliseconds. Forked
workers see the parent's memory as it was when the pool started, so a job can hand them large
data through a module global instead of pickling it; only results travel back. Results come in
the order of the items, so the outcome is the one of running them in turn (tests pin that for
each caller). Where fork is not available, or one core is all there is, the items run in turn.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    return os.cpu_count() or 1


def forked_map(work: Callable[[T], R], items: Sequence[T], parallel: bool = True) -> list[R]:
    """``[work(item) for item in items]``, spread over one process per core when ``parallel``.
    ``work`` must be a module-level function (it is named, not pickled, to the workers)."""
    done = dict(forked_as_done(work, items, parallel))
    return [done[index] for index in range(len(items))]


def forked_as_done(
    work: Callable[[T], R], items: Sequence[T], parallel: bool = True
) -> Iterator[tuple[int, R]]:
    """(index, result) of each item as soon as it is done, so that the caller can use the first
    results while the workers make the next ones; in turn, in order, without ``parallel``."""
    workers = min(len(items), cores())
    if parallel and workers > 1:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            from concurrent.futures import ProcessPoolExecutor, as_completed

            context = multiprocessing.get_context("fork")
            pool = ProcessPoolExecutor(workers, mp_context=context)
            try:
                futures = {pool.submit(work, item): index for index, item in enumerate(items)}
                for future in as_completed(futures):
                    yield futures[future], future.result()
            finally:  # a caller that stops early does not wait for work it will not use
                pool.shutdown(wait=True, cancel_futures=True)
            return
    for index, item in enumerate(items):
        yield index, work(item)
