"""Progress on stderr when it is a terminal: records per vendor, rate and elapsed time (tqdm)."""

from __future__ import annotations

from typing import Any, TextIO


class Progress:
    """One tqdm bar per vendor, or nothing at all when ``enabled`` is false."""

    def __init__(self, names: list[str], *, enabled: bool, stream: TextIO) -> None:
        self._bars: dict[str, Any] = {}
        self._stream = stream
        if not enabled:
            return
        from tqdm import tqdm

        for position, name in enumerate(names):
            self._bars[name] = tqdm(
                desc=f"{name:11}", unit=" rec", position=position, file=stream, dynamic_ncols=True, leave=True
            )

    def advance(self, counts: dict[str, int]) -> None:
        """Add the records just committed."""
        for name, count in counts.items():
            bar = self._bars.get(name)
            if bar is not None and count:
                bar.update(count)

    def message(self, text: str) -> None:
        """One line on stderr, above the bars when there are some."""
        if self._bars:
            from tqdm import tqdm

            tqdm.write(text, file=self._stream)
        else:
            self._stream.write(text + "\n")
            self._stream.flush()

    def close(self) -> None:
        """Leave the bars on screen, finished."""
        for bar in self._bars.values():
            bar.close()
        self._bars.clear()
