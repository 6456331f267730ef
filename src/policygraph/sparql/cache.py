"""A bounded cache of finished answers, in front of the worker processes.

Why this is safe: the served graph never changes while the server runs (it is read-only and
loaded once at start-up), so the same job — query text, dataset, base IRI, Accept and ``format``
— always has the same answer. Client mistakes (syntax errors, refusals, 406) are as
deterministic and are cached too; time-outs, busy workers and crashes depend on load and are not.

Why it pays: a hit skips two process switches and the query itself, which is most of a request's
cost for the small, repeated queries a public endpoint mostly sees (canned queries above all).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from typing import Protocol

from ..errors import QueryError
from .engine import Answer, GraphJob, QueryJob

Job = QueryJob | GraphJob


class Runner(Protocol):
    def run(self, job: Job) -> Answer: ...


class CachedRunner:
    """Answers from ``runner``, remembered up to ``max_bytes`` of bodies (least recently used out).

    :param max_entry_bytes: answers larger than this are passed through uncached (default: 1/16
        of ``max_bytes``), so one big result cannot flush the many small ones.
    """

    def __init__(self, runner: Runner, max_bytes: int, max_entry_bytes: int | None = None) -> None:
        self.runner = runner
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 16 if max_entry_bytes is None else max_entry_bytes
        self.size = 0
        self.hits = self.misses = 0
        self._entries: OrderedDict[Job, tuple[Answer | QueryError, int]] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, job: Job) -> Answer:
        """:raises: whatever ``runner.run`` raises (client errors possibly from the cache)."""
        with self._lock:
            entry = self._entries.get(job)
            if entry is None:
                self.misses += 1
            else:
                self._entries.move_to_end(job)
                self.hits += 1
        if entry is not None:
            outcome = entry[0]
            if isinstance(outcome, QueryError):
                raise copy.copy(outcome)  # a fresh instance: each raise gets its own traceback
            return outcome
        try:
            answer = self.runner.run(job)
        except QueryError as exc:
            self._store(job, copy.copy(exc), len(str(exc)))  # a copy: no traceback (and frames) kept
            raise
        self._store(job, answer, len(answer.body))
        return answer

    def _store(self, job: Job, outcome: Answer | QueryError, size: int) -> None:
        size += len(getattr(job, "text", ""))
        if size > self.max_entry_bytes:
            return
        with self._lock:
            if job in self._entries:
                return
            self._entries[job] = (outcome, size)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, evicted) = self._entries.popitem(last=False)
                self.size -= evicted
