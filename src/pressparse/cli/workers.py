"""Worker processes for batch runs: each is fed tasks over its own pipe and answers over another.

multiprocessing.Pool did this job first, at a cost on two cores: its worker-handler thread wakes whenever
results wait in the pipe and spins until they are read (about 5% of a run's CPU, taken from the workers), and
its task and result threads hand every message over through locks. Here the parent's one thread gives each
worker its next task as soon as it has room for one, and reads results as they come.
"""

from __future__ import annotations

import signal
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable

# Tasks a worker holds at once: the one it runs and the next, so that it never waits for the parent between
# two. More would hand out the last tasks of a run before anyone knows which worker will be free first.
DEPTH = 2
# Room in each pipe that brings results back (Linux allows up to 1 MB without privileges): a chunk's records
# take about 100 KB, more than the default 64 KB, and a worker that cannot write waits for the parent.
RESULT_PIPE_BYTES = 1 << 20


class WorkerStopped(Exception):
    """The worker process ended while it ran this task (killed, out of memory, or crashed in native code), or
    was ended because the task ran past its time allowance."""


@dataclass
class _Worker:
    process: Any
    tasks: Any  # the parent's end of the task pipe
    results: Any  # the parent's end of the result pipe
    spare: Any  # a reading end of the task pipe
    # (number, task, allowance) sent to it and not answered yet, oldest first: the oldest is the one it runs.
    held: deque = field(default_factory=deque)
    since: float = 0.0  # when it began the task it runs (time.monotonic)


class Workers:
    """`count` processes that run `work(task)`; tasks are numbered as they are submitted and their results asked
    for by number, in any order. A task may be given a time allowance: a worker still running it after that
    long is killed and replaced (the task fails with WorkerStopped). Use as a context manager: leaving it ends
    the processes (at once if it is left by an exception)."""

    def __init__(self, count: int, work: Callable[[Any], Any], context):
        self._work = work
        self._context = context
        self._workers = [self._start() for _ in range(count)]
        self._waiting: deque = deque()  # (number, task, allowance) not given to a worker yet
        self._done: dict[int, Any] = {}  # number -> result (or WorkerStopped) not asked for yet
        self._submitted = 0

    def _start(self) -> _Worker:
        task_reader, task_writer = self._context.Pipe(duplex=False)
        result_reader, result_writer = self._context.Pipe(duplex=False)
        _widen(result_writer)
        process = self._context.Process(
            target=_serve, args=(task_reader, result_writer, self._work, (task_writer, result_reader)), daemon=True
        )
        process.start()
        result_writer.close()
        # The reading end of the task pipe stays open here too: a task sent to a worker that has just died then
        # waits in the pipe until the death is seen, instead of killing this process with SIGPIPE.
        return _Worker(process, task_writer, result_reader, task_reader)

    def submit(self, task: Any, allowance: float | None = None) -> int:
        """Queue a task that may run `allowance` seconds at most (None: no limit); returns its number."""
        number = self._submitted
        self._submitted += 1
        self._waiting.append((number, task, allowance))
        self._hand_out()
        return number

    def result(self, number: int) -> Any:
        """The result of task `number`, waiting for it; raises WorkerStopped if its worker died running it."""
        from multiprocessing.connection import wait  # here, not above: a one-process run never loads multiprocessing

        while number not in self._done:
            busy = {worker.results: worker for worker in self._workers if worker.held}
            for ready in wait(list(busy), timeout=self._time_to_next_deadline()):
                self._receive(busy[ready])
            self._stop_overdue()
            self._hand_out()
        result = self._done.pop(number)
        if isinstance(result, WorkerStopped):
            raise result
        return result

    def _hand_out(self) -> None:
        """Give waiting tasks to the workers with room, one each in turn (the first tasks go to different workers)."""
        for depth in range(1, DEPTH + 1):
            for worker in self._workers:
                if self._waiting and len(worker.held) < depth:
                    held = self._waiting.popleft()
                    if not worker.held:
                        worker.since = time.monotonic()
                    worker.held.append(held)
                    worker.tasks.send(held[1])

    def _receive(self, worker: _Worker) -> None:
        """Read the worker's answer to the oldest task it holds (results come back in the order tasks went)."""
        number = worker.held.popleft()[0]
        try:
            self._done[number] = worker.results.recv()
        except (EOFError, OSError):
            self._done[number] = WorkerStopped(self._replace(worker))
        else:
            worker.since = time.monotonic()  # it goes on with the next task it holds

    def _time_to_next_deadline(self) -> float | None:
        """Seconds until the first running task runs out of its allowance (None: no running task has one)."""
        running = [worker for worker in self._workers if worker.held and worker.held[0][2] is not None]
        deadlines = [worker.since + worker.held[0][2] for worker in running]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _stop_overdue(self) -> None:
        """Kill every worker whose running task has run out of its allowance (it may be stuck where no signal
        reaches it); the task fails, a new worker takes the tasks queued behind it."""
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.held and worker.held[0][2] is not None and now >= worker.since + worker.held[0][2]:
                number, _, allowance = worker.held.popleft()
                worker.process.kill()
                self._replace(worker)
                self._done[number] = WorkerStopped(f"still running after {allowance:g} s: killed")

    def _replace(self, dead: _Worker) -> str:
        """Start a new worker in place of one that died, put the tasks it had not begun back at the head of the
        queue, and say how it ended."""
        dead.process.join()
        code = dead.process.exitcode
        _close(dead)
        self._waiting.extendleft(reversed(dead.held))
        self._workers[self._workers.index(dead)] = self._start()
        return f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"

    def close(self) -> None:
        """End every worker: a closed task pipe tells it to stop once its current task is done (a worker still
        writing a result gets an error instead). Their exit is not waited for, which would add about 6 ms to
        every run; the next process started reaps them, or the end of this one."""
        for worker in self._workers:
            _close(worker)

    def kill(self) -> None:
        """End every worker now, whatever it is running (nothing more is wanted from them)."""
        for worker in self._workers:
            worker.process.kill()
        self.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, error_type, *exc_info) -> None:
        if error_type is None:
            self.close()
        else:  # the run was interrupted, or failed: the pages in the workers are not wanted any more
            self.kill()


def _close(worker: _Worker) -> None:
    for end in (worker.tasks, worker.results, worker.spare):
        end.close()


def _serve(tasks, results, work: Callable[[Any], Any], parent_ends) -> None:
    """A worker's life: run each task it receives and send back the result, until the parent closes the pipe
    (or dies).

    A thread takes tasks off the pipe as they come. Without it, a task too large for the pipe could block the
    parent while this worker, done with the task before, waited for the parent to read a result too large for
    its own pipe."""
    import threading
    from queue import SimpleQueue

    # Ctrl-C and SIGTERM (sent to the whole process group) are the parent's to handle: it ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for end in parent_ends:  # a forked worker holding the writing end of its own task pipe would never see it close
        end.close()
    inbox: SimpleQueue = SimpleQueue()

    def receive() -> None:
        while True:
            try:
                inbox.put(tasks.recv())
            except (EOFError, OSError):
                inbox.put(_END)
                return

    threading.Thread(target=receive, daemon=True).start()
    while (task := inbox.get()) is not _END:
        try:
            results.send(work(task))
        except OSError:  # the parent stopped reading
            return


_END = object()  # what the receiving thread queues when the task pipe is closed


def _widen(connection) -> None:
    """Give a pipe RESULT_PIPE_BYTES of room where the system allows it (Linux); elsewhere it stays as it is."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass
