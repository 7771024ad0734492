"""Worker processes: results by task number, in any order; a worker that dies fails only the task it ran."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time

import pytest

from pressparse.cli.workers import Workers, WorkerStopped

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers run the test's own functions")
FORK = multiprocessing.get_context("fork")


def square_or_die(task):
    """The square of a number; "die" kills the worker running it, as the kernel's out-of-memory killer would;
    "hang" never ends, as code stuck where no signal reaches it would not."""
    if task == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if task == "hang":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT, signal.SIGTERM})
        while True:
            time.sleep(60)
    return task * task, os.getpid()


def test_results_come_by_number_in_any_order():
    with Workers(2, square_or_die, FORK) as pool:
        numbers = [pool.submit(n) for n in range(10)]
        results = {number: pool.result(number) for number in reversed(numbers)}
    assert [results[number][0] for number in numbers] == [n * n for n in range(10)]
    assert len({pid for _, pid in results.values()}) == 2  # both workers had tasks


def test_a_dead_worker_fails_its_task_and_a_new_one_takes_the_rest():
    with Workers(1, square_or_die, FORK) as pool:
        before, dying, after = pool.submit(3), pool.submit("die"), pool.submit(4)
        first = pool.result(before)
        with pytest.raises(WorkerStopped, match="killed by signal 9"):
            pool.result(dying)
        second = pool.result(after)
    assert (first[0], second[0]) == (9, 16)
    assert first[1] != second[1]  # the task queued behind the dead worker ran in its replacement


def test_a_task_past_its_allowance_is_killed_and_the_tasks_behind_it_run():
    with Workers(1, square_or_die, FORK) as pool:
        stuck, after = pool.submit("hang", allowance=0.5), pool.submit(5, allowance=60)
        with pytest.raises(WorkerStopped, match=r"still running after 0.5 s: killed"):
            pool.result(stuck)
        assert pool.result(after)[0] == 25


def test_workers_end_when_the_pool_closes():
    with Workers(2, square_or_die, FORK) as pool:
        pool.result(pool.submit(2))
        processes = [worker.process for worker in pool._workers]
    for process in processes:
        process.join(timeout=10)
    assert [process.exitcode for process in processes] == [0, 0]


def test_leaving_the_pool_by_an_exception_kills_the_busy_workers():
    # A run stopped by Ctrl-C leaves the pool by an exception: what the workers are busy with is not wanted.
    with pytest.raises(KeyboardInterrupt):
        with Workers(1, square_or_die, FORK) as pool:
            pool.submit("hang")
            process = pool._workers[0].process
            raise KeyboardInterrupt
    process.join(timeout=10)
    assert process.exitcode == -signal.SIGKILL


def enlarge(task):
    """A result far larger than the task: 4 MB, more than any pipe holds."""
    return task * 20


def test_tasks_and_results_larger_than_the_pipes_do_not_block_each_other():
    # The parent sends a task while the worker sends a result, both larger than their pipes: neither may wait
    # for the other to read.
    import threading

    results = []

    def run():
        with Workers(1, enlarge, FORK) as pool:
            numbers = [pool.submit(bytes([n]) * 200_000) for n in range(4)]
            results.extend(len(pool.result(number)) for number in numbers)

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(timeout=30)
    assert results == [4_000_000] * 4
