"""Build clean text from spans of a base string, keeping the map back to it."""

from __future__ import annotations

Segment = tuple[int, int, int]  # (clean_start, base_start, length)


class TextBuilder:
    """Concatenate base-string spans and separators; remember where each span came from."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        self.parts.append(self.base[start:end])
        self.segments.append((self.length, start, end - start))
        self.length += end - start

    def separate(self, sep: str) -> None:
        if self.length and sep:
            self.parts.append(sep)
            self.length += len(sep)

    def text(self) -> str:
        return "".join(self.parts)
