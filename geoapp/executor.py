"""One tiled executor: run a pure tile function in process or on a Dask cluster.

Large work in geoapp — the suitability surface at 10 m (about 42 million
cells), batch siting of tens of millions of candidates — is cut into tiles or
chunks, each computed by a pure module-level function ``func(shared, item)``.
:func:`map_tiles` runs it

- in this process, one tile after the other (the default);
- on a ``dask.distributed`` ``LocalCluster`` of ``workers`` worker processes
  (one thread each), started and closed by the call;
- on an existing cluster, given its scheduler ``address``
  (``tcp://10.0.0.5:8786``), or on a ``client`` you already hold.

``shared`` (the prepared layers) is sent to every worker once with
``Client.scatter(..., broadcast=True)``; the items travel with their tasks.
Results come back **in the order of the items**, whatever order the workers
finish in, and at most ``max_in_flight`` tasks are outstanding, so memory stays
bounded and a caller writing results sequentially writes the same bytes in
process and on a cluster. No process pool of geoapp's own is involved.

Examples
--------
>>> from geoapp.executor import map_tiles
>>> def square(shared, item):
...     return shared * item * item
>>> list(map_tiles(square, [1, 2, 3], shared=10))
[10, 40, 90]
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any, TypeVar

__all__ = ["map_tiles"]

logger = logging.getLogger(__name__)

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


def _client(stack: ExitStack, workers: int | None, scheduler: str | None, memory_limit: str):
    try:
        from distributed import Client, LocalCluster  # deferred: only a cluster run needs it
    except ImportError as exc:  # pragma: no cover - a declared dependency
        msg = "Running on a cluster needs dask.distributed: pip install 'dask[distributed]'."
        raise ImportError(msg) from exc
    if scheduler is not None:
        logger.info("connecting to the Dask scheduler at %s", scheduler)
        return stack.enter_context(Client(scheduler, set_as_default=False))
    cluster = stack.enter_context(
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never collides with another cluster
            memory_limit=memory_limit,
            silence_logs=logging.WARNING,
        )
    )
    logger.info("started a LocalCluster of %d worker processes", workers)
    return stack.enter_context(Client(cluster, set_as_default=False))


def map_tiles(
    func: Callable[[S, T], R],
    items: Iterable[T],
    *,
    shared: S,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    max_in_flight: int | None = None,
    memory_limit: str = "auto",
    scatter_items: bool = False,
) -> Iterator[R]:
    """Yield ``func(shared, item)`` for every item, in order, in process or on Dask.

    Parameters
    ----------
    func
        A pure, module-level (picklable) function.
    items
        The tiles or chunks; consumed lazily.
    shared
        The data every call needs (prepared layers): sent to each worker once.
    workers
        Start a ``LocalCluster`` of this many worker processes (>= 1).
    scheduler
        Address of a running Dask scheduler instead (mutually exclusive with
        ``workers``).
    client
        An existing ``distributed.Client`` to use (overrides both).
    max_in_flight
        Tasks submitted but not yet collected (default 2 per worker thread);
        bounds the memory held by finished, uncollected results.
    memory_limit
        Per-worker memory limit of a LocalCluster (Dask's syntax, e.g. "2GB").
    scatter_items
        Send each item to the cluster as data (``Client.scatter``) rather than
        inside the task: for large items such as chunks of candidates.

    Yields
    ------
    object
        The result of each item, in the order of ``items``.

    Raises
    ------
    ValueError
        If both ``workers`` and ``scheduler`` are given, or ``workers < 1``.
    """
    if workers is not None and scheduler is not None:
        msg = "give `workers` (a local cluster) or `scheduler` (an address), not both."
        raise ValueError(msg)
    if workers is not None and workers < 1:
        msg = f"`workers` must be >= 1, got {workers}."
        raise ValueError(msg)
    if client is None and workers is None and scheduler is None:
        for item in items:
            yield func(shared, item)
        return
    with ExitStack() as stack:
        if client is None:
            client = _client(stack, workers, scheduler, memory_limit)
        threads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 2 * threads
        shared_f = client.scatter(shared, broadcast=True, hash=False)
        pending: deque[Any] = deque()
        try:
            for item in items:
                arg = client.scatter([item], hash=False)[0] if scatter_items else item
                pending.append(client.submit(func, shared_f, arg, pure=False))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()
            client.cancel([shared_f])
