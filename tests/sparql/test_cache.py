"""The answer cache: same job, same answer; client errors cached, limits never; bounded in bytes."""

from __future__ import annotations

import pytest

from policygraph.sparql.cache import CachedRunner
from policygraph.sparql.engine import Answer, QueryJob
from policygraph.sparql.errors import QueryRefused, QueryTimeout


class Counting:
    """A runner that answers with a body of the query's length, or raises what it is told to."""

    def __init__(self, error: Exception | None = None) -> None:
        self.calls = 0
        self.error = error

    def run(self, job: QueryJob) -> Answer:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return Answer("text/plain; charset=utf-8", b"x" * len(job.text), "json")


def test_a_repeated_job_is_answered_from_the_cache() -> None:
    runner = Counting()
    cache = CachedRunner(runner, max_bytes=10_000)
    first = cache.run(QueryJob("ASK {}"))
    assert cache.run(QueryJob("ASK {}")) is first
    assert cache.run(QueryJob("ASK {}", accept="text/csv")) is not first  # a different job
    assert (runner.calls, cache.hits, cache.misses) == (2, 1, 2)


def test_client_errors_are_cached_and_raised_afresh() -> None:
    runner = Counting(QueryRefused("no", 1, 2))
    cache = CachedRunner(runner, max_bytes=10_000)
    raised = []
    for _ in range(3):
        with pytest.raises(QueryRefused) as caught:
            cache.run(QueryJob("CLEAR ALL"))
        raised.append(caught.value)
    assert runner.calls == 1
    assert len({id(error) for error in raised}) == 3 and {str(error) for error in raised} == {str(runner.error)}


def test_limits_are_never_cached() -> None:
    runner = Counting(QueryTimeout("slow"))
    cache = CachedRunner(runner, max_bytes=10_000)
    for _ in range(2):
        with pytest.raises(QueryTimeout):
            cache.run(QueryJob("SELECT * {}"))
    assert runner.calls == 2


def test_the_cache_stays_within_its_size_evicting_the_least_recently_used() -> None:
    runner = Counting()
    cache = CachedRunner(runner, max_bytes=100, max_entry_bytes=100)
    jobs = [QueryJob(f"ASK {{}} #{i:02}" + " " * 10) for i in range(5)]  # 19 characters → 38 bytes each
    cache.run(jobs[0])
    cache.run(jobs[1])
    cache.run(jobs[0])  # now the most recent
    cache.run(jobs[2])  # evicts jobs[1]
    assert cache.size <= 100
    calls = runner.calls
    cache.run(jobs[0])
    assert runner.calls == calls
    cache.run(jobs[1])
    assert runner.calls == calls + 1


def test_large_answers_pass_through_uncached() -> None:
    runner = Counting()
    cache = CachedRunner(runner, max_bytes=1600)  # entries up to 100 bytes
    job = QueryJob("SELECT * WHERE { ?s ?p ?o } " + "#" * 100)
    cache.run(job)
    cache.run(job)
    assert runner.calls == 2 and cache.size == 0
