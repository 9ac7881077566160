"""Where batch work runs: local worker processes, or a Dask distributed cluster.

An engine maps a function over a lazy stream of tasks and yields results as they finish,
with a bounded number of tasks in flight, so neither inputs nor results pile up in memory.
A task whose worker dies gives ``crashed(task, message)`` instead of a result; the other
tasks in flight at that moment are retried one at a time, so only the culprit fails.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

log = logging.getLogger(__name__)

Crashed = Callable[[Any, str], Any]


class Engine(Protocol):
    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any], crashed: Crashed) -> Iterator[Any]: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalEngine:
    """A pool of ``jobs`` worker processes (spawned, so each builds its own parser state)."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs or default_jobs()
        self.window = 4 * self.jobs

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any], crashed: Crashed) -> Iterator[Any]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pool = None
        pending: dict[Any, Any] = {}
        source = iter(tasks)
        try:
            while True:
                while len(pending) < self.window and (task := next(source, None)) is not None:
                    pool = pool or _pool(self.jobs)
                    pending[pool.submit(fn, task)] = task
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    del pending[fut]
                    yield result
                if broken and pool is not None:
                    suspects = list(pending.values())
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                    log.warning("a worker process died; retrying its %d tasks one at a time", len(suspects))
                    yield from _one_by_one(fn, suspects, crashed)
        except BaseException:  # Ctrl-C or the consumer stopped: stop the workers, wait for nothing
            if pool is not None:
                stop(pool)
                pool = None
            raise
        finally:
            if pool is not None:
                pool.shutdown()

    def close(self) -> None:
        pass


def _one_by_one(fn: Callable[[Any], Any], tasks: list[Any], crashed: Crashed) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for task in tasks:
            pool = pool or _pool(1)
            try:
                result = pool.submit(fn, task).result()
            except BrokenProcessPool:
                pool.shutdown(wait=False)
                pool = None
                result = crashed(task, "its worker process died (out of memory, or a crash in native code)")
            yield result
    finally:
        if pool is not None:
            stop(pool)


def stop(pool: Any) -> None:
    """Stop a process pool at once. Its workers ignore Ctrl-C (the parent decides), and one may
    be blocked writing a result that nobody will read, so they are terminated: shutting the
    pool down without that leaves the interpreter waiting for them at exit."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)


def _pool(jobs: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(os.getpid(),))


def _init_worker(parent: int) -> None:
    """Leave Ctrl-C to the parent, and exit when the parent is gone (killed with -9)."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def worker_version() -> str:
    """The planparse version a (Dask) worker runs."""
    from planparse import __version__

    return __version__


class DaskEngine:
    """Tasks go to the workers of a Dask distributed cluster; results come back to this process."""

    def __init__(self, scheduler: str, timeout: float = 10.0) -> None:
        from planparse.errors import require

        Client = require("distributed", "--engine dask", "'planparse[dask]'").Client
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            from planparse.errors import ConfigError

            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self._check_workers(scheduler)
        threads = sum(self.client.nthreads().values()) or 1
        self.window = 4 * threads

    def _check_workers(self, scheduler: str) -> None:
        """Every worker must have planparse, of this version, for outputs to match."""
        from planparse import __version__
        from planparse.errors import ConfigError

        try:
            versions = self.client.run(worker_version)
        except Exception as exc:
            self.client.close()
            raise ConfigError(f"the Dask workers at {scheduler} cannot run planparse ({type(exc).__name__}: "
                              f"{exc}); install planparse on every worker") from None
        for worker, version in versions.items():
            if version != __version__:
                log.warning("worker %s has planparse %s, this client %s", worker, version, __version__)

    def map(self, fn: Callable[[Any], Any], tasks: Iterable[Any], crashed: Crashed) -> Iterator[Any]:
        from distributed import as_completed

        running = as_completed(loop=self.client.loop)
        owner: dict[Any, Any] = {}
        source = iter(tasks)
        try:
            while True:
                while running.count() < self.window and (task := next(source, None)) is not None:
                    fut = self.client.submit(fn, task, pure=False)
                    owner[fut.key] = task
                    running.add(fut)
                if running.is_empty():
                    return
                fut = next(running)
                task = owner.pop(fut.key)
                try:
                    result = fut.result()
                except Exception as exc:  # a worker lost for good (KilledWorker) or a cluster error
                    result = crashed(task, f"{type(exc).__name__}: {exc}")
                fut.release()
                yield result
        finally:
            for fut in list(running.futures):
                fut.cancel()

    def close(self) -> None:
        self.client.close()
