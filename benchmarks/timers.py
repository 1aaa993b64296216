"""Stage timers for the benchmarks: the library functions the pipeline calls are replaced, where
the pipeline looks them up (a module's global, a class's method), by timers adding up their time."""
from __future__ import annotations

import time


class Timers:
    """`with Timers(seconds, [(owner, name, key), ...]):` times every call of `owner.name` into
    `seconds[key]`; `key` may be a function of the call's arguments. An attribute that this
    version of sopdocs lacks is left alone (`has` tells). `clock` is perf_counter or process_time."""

    def __init__(self, seconds: dict, targets: list[tuple[object, str, object]], clock=time.perf_counter):
        self.seconds, self.targets, self.clock, self.saved = seconds, targets, clock, []

    def has(self, owner, name: str) -> bool:
        """Whether `owner.name` exists in this version (and is timed)."""
        return any(o is owner and n == name for o, n, _ in self.saved)

    def __enter__(self):
        for owner, name, key in self.targets:
            real = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
            if real is None:
                continue
            self.saved.append((owner, name, real))
            setattr(owner, name, self._timed(real, key))
        return self

    def __exit__(self, *exc):
        for owner, name, real in reversed(self.saved):
            setattr(owner, name, real)

    def _timed(self, real, key):
        seconds, clock = self.seconds, self.clock

        def timed(*args, **kwargs):
            t = clock()
            try:
                return real(*args, **kwargs)
            finally:
                seconds[key(*args, **kwargs) if callable(key) else key] += clock() - t
        return timed
