"""Worker processes that run queries with a hard time limit, and can be killed.

Why processes: pyoxigraph releases the GIL while it evaluates, but a running query cannot be
cancelled from Python. A worker process that overruns the time limit is killed and replaced, and
the client gets a clear :class:`QueryTimeout` while the other workers keep answering.

Why the status is always decided before the body: a worker answers with a finished, size-checked
body (see ``results.CappedBuffer``) or with an error, never with a stream, so the HTTP layer knows
the status before it writes a byte. (Oxigraph's own server streams, so a timeout there arrives as
``200`` with a truncated body.)

Each worker also tries to drop its network access at start-up (a fresh, empty Linux network
namespace), so that even a query the guard wrongly let through could not connect anywhere. Where
the kernel refuses (macOS, locked-down containers) the guard alone stands; ``network_isolated``
says which.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import queue
import resource
import signal
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from .engine import DEFAULT_MAX_RESULT_BYTES, Answer, DatasetInfo, Engine, GraphJob, QueryJob, Source
from .errors import LimitExceeded, QueryAborted, QueryError, QueryTimeout, ServerBusy, WorkerFailed

log = logging.getLogger(__name__)

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


@dataclass(frozen=True)
class WorkerSettings:
    sources: tuple[Source, ...]
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES
    isolate_network: bool = True
    memory_limit: int | None = None


def isolate_network() -> bool:
    """Move this (single-threaded) process into a new, empty network namespace.

    :returns: True when it worked; afterwards every connect fails, loopback included.
    """
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0


def _worker_main(conn: Connection, settings: WorkerSettings) -> None:
    """Body of a worker process: load the data once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    isolated = isolate_network() if settings.isolate_network else False
    if settings.memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (settings.memory_limit, settings.memory_limit))
    try:
        engine = Engine.load(settings.sources, settings.max_result_bytes)
    except Exception as exc:  # reported to the parent, which raises it at start-up
        conn.send(("failed", f"cannot load the data: {exc}"))
        return
    conn.send(("ready", (engine.info, isolated)))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the server went away
        reply: tuple[str, Any]
        try:
            reply = ("ok", engine.run(job))
        except (QueryError, LimitExceeded) as exc:
            reply = ("error", exc)
        except Exception as exc:  # our bug: the parent logs it and answers 500
            reply = ("bug", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


class _Worker:
    def __init__(self, process: multiprocessing.process.BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    def stop(self) -> None:
        self.conn.close()
        self.process.kill()
        self.process.join(timeout=5)


class Executor:
    """A pool of worker processes, each holding its own copy of the store.

    :param settings: what every worker loads and the limits it applies.
    :param workers: number of processes (each runs one query at a time).
    :param time_limit: seconds a query may run before its worker is killed.
    :param queue_timeout: seconds a request may wait for a free worker (default: ``time_limit``).
    :raises WorkerFailed: when the workers cannot start or cannot load the data.
    """

    def __init__(
        self,
        settings: WorkerSettings,
        workers: int = 2,
        time_limit: float = 10.0,
        queue_timeout: float | None = None,
        start_timeout: float = 120.0,
    ) -> None:
        self.settings = settings
        self.size = workers
        self.time_limit = time_limit
        self.queue_timeout = time_limit if queue_timeout is None else queue_timeout
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        pending = [self._spawn() for _ in range(workers)]
        try:
            infos = [self._await_ready(worker) for worker in pending]
        except BaseException:
            self.close()
            raise
        self.info: DatasetInfo = infos[0][0]
        self.network_isolated = all(isolated for _, isolated in infos)
        for worker in pending:
            self._idle.put(worker)

    @property
    def alive(self) -> int:
        with self._lock:
            return sum(1 for worker in self._workers if worker.process.is_alive())

    def run(self, job: QueryJob | GraphJob) -> Answer:
        """Run ``job`` on a free worker.

        :raises QueryError: whatever the engine raised for a client mistake.
        :raises QueryTimeout: the job overran the time limit (its worker was replaced).
        :raises ServerBusy: no worker became free within the queue timeout.
        :raises QueryAborted: the worker died while running the job (it was replaced).
        :raises WorkerFailed: the worker reported an unexpected error (our bug).
        """
        try:
            worker = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise ServerBusy(f"all {self.size} query workers are busy; try again shortly") from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.time_limit):
                self._retire(worker)
                raise QueryTimeout(
                    f"the query ran longer than the time limit of {self.time_limit:g} s and was stopped; "
                    "narrow it down (more specific patterns, LIMIT)"
                )
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            self._retire(worker)
            raise QueryAborted(
                "the query worker stopped while running this query, most likely at its memory limit; "
                "narrow the query down"
            ) from None
        self._idle.put(worker)
        if status == "ok":
            return payload
        if status == "error":
            raise payload
        raise WorkerFailed(payload)

    def close(self) -> None:
        """Stop every worker; the executor answers nothing afterwards."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child, self.settings), name="policygraph-query-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> tuple[DatasetInfo, bool]:
        try:
            if not worker.conn.poll(self.start_timeout):
                raise WorkerFailed(f"a query worker did not start within {self.start_timeout:g} s")
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            raise WorkerFailed("a query worker died while starting") from None
        if status != "ready":
            raise WorkerFailed(payload)
        return payload

    def _retire(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a replacement in the background."""
        with self._lock:
            self._workers.discard(worker)
        threading.Thread(target=self._replace, args=(worker,), daemon=True).start()

    def _replace(self, old: _Worker) -> None:
        old.stop()
        with self._lock:
            if self._closed:
                return
        worker = self._spawn()
        try:
            self._await_ready(worker)
        except WorkerFailed:
            with self._lock:
                self._workers.discard(worker)
            worker.stop()
            log.exception("could not replace a query worker; %d of %d left", self.alive, self.size)
            return
        with self._lock:
            closed = self._closed
        if closed:
            worker.stop()
        else:
            self._idle.put(worker)
