"""Run ingest jobs on worker processes with a bounded number in flight.

:func:`outcomes` pulls jobs lazily from an iterator (a folder of 50,000 articles is never
listed in memory), sends them in small chunks to a process pool, keeps at most a few
chunks per worker in flight, and yields outcomes as chunks finish. When a worker process
dies (a crash in native code, the out-of-memory killer), the jobs that were in flight are
retried one by one in fresh processes, so only the one that kills its process becomes a
problem line. Workers die with the process that started them, even when it is killed with
``kill -9`` (:func:`die_with_parent`).

>>> from functools import partial
>>> list(outcomes(iter([1, 2, 3]), 1, partial(_demo_run), _demo_crashed))
[('problem', 1), ('problem', 2), ('problem', 3)]
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

CHUNK_JOBS = 16  # jobs per task sent to a worker process
CHUNKS_PER_WORKER = 3  # tasks in flight per worker: bounds memory, keeps workers busy

RunChunk = Callable[[list[Any]], list[Any]]
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 1.0  # how often a worker without a parent-death signal looks for its parent


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when the process that started it dies, even by ``kill -9``.

    On Linux the kernel sends the worker SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere, or when that call fails, a daemon thread polls the parent's id. Without this, a
    killed ingest leaves its workers alive, holding the database files open.
    """
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _demo_run(jobs: list[Any]) -> list[Any]:
    return [("problem", job) for job in jobs]


def _demo_crashed(job: Any) -> Any:
    return "problem", f"{job}: crashed"


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it (workers start at once with the modules already loaded), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool. Native libraries (numpy's BLAS, Arrow) keep idle threads in this process,
    which makes Python warn at fork; the workers only read and extract articles, which use
    neither, so that warning is silenced here and only here."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning
        )
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=_context(), initializer=die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            yield pool


def _chunks(jobs: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def outcomes(jobs: Iterable[Any], workers: int, run_chunk: RunChunk, crashed: Callable[[Any], Any]) -> Iterator[Any]:
    """The outcomes of ``run_chunk`` over ``jobs``, run on ``workers`` processes (in this one when 1).

    ``run_chunk`` must be picklable (a module-level function or a ``functools.partial`` of
    one); ``crashed(job)`` gives the outcome for a job that kills its process every time.
    Outcomes come in completion order.
    """
    if workers <= 1:
        for whole in _chunks(jobs, CHUNK_JOBS):
            yield from run_chunk(whole)
        return
    chunks = _chunks(jobs, CHUNK_JOBS)
    limit = workers * CHUNKS_PER_WORKER
    exhausted = False
    while not exhausted:
        suspects: list[Any] = []
        with _pool(workers) as pool:
            pending: dict[Future[list[Any]], list[Any]] = {}
            while pending or not exhausted:
                while not suspects and not exhausted and len(pending) < limit:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[pool.submit(run_chunk, chunk)] = chunk
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = pending.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        suspects.extend(chunk)
                        continue
                    yield from results
        yield from _isolate(suspects, run_chunk, crashed)


def _isolate(suspects: list[Any], run_chunk: RunChunk, crashed: Callable[[Any], Any]) -> Iterator[Any]:
    """Run each suspect job alone in a fresh process; one that kills it gets ``crashed(job)``."""
    for job in suspects:
        with _pool(1) as pool:
            try:
                results = pool.submit(run_chunk, [job]).result()
            except BrokenProcessPool:
                results = [crashed(job)]
        yield from results
