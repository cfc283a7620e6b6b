"""Corpus work done beside other corpus work: on a large corpus, finding the stories
(about a second for 2,000 articles) runs in a forked process while the main one links
the explainers, so the editor waits for the longer of the two, not both."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# What the forked process computes. It inherits the arguments with the process's
# memory, where pickling 2,000 dossiers and their identities to it would cost seconds.
_CALL: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def _call() -> Any:
    assert _CALL is not None
    fn, args = _CALL
    return fn(*args)


def in_background(worth_it: bool, fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """A function returning `fn(*args)`, computed in a forked process meanwhile when
    `worth_it` and the platform forks; else computed now. Its result must pickle."""
    global _CALL
    if not worth_it or "fork" not in multiprocessing.get_all_start_methods():
        done = fn(*args)
        return lambda: done
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    _CALL = (fn, args)
    try:
        future = pool.submit(_call)  # with "fork", the worker is started here, holding _CALL
    finally:
        _CALL = None

    def wait() -> T:
        try:
            return future.result()
        finally:
            pool.shutdown()

    return wait
