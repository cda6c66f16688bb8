"""What the READ stage says about a file: a `Problem`, and `ReadError` when it cannot go on.

They live apart from ``read.py`` so the helper modules can raise them without importing the
public API (which imports the helpers).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One error or warning about the FILE (not about a value in it).

    Attributes:
        file: The file's name as the user knows it.
        location: Where, as the user sees it ("line 7", "Sheet1!A7"), or None for the file.
        message: The sentence shown to the user.
    """

    file: str
    location: str | None
    message: str


class ReadError(Exception):
    """The file cannot be read at all; ``problem`` says why, in the user's words."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def refuse(file: str, template: str, location: str | None = None, **fields: object) -> ReadError:
    """A ReadError whose message is ``template`` filled with the file's name and ``fields``.

    Args:
        file: The file's name as the user knows it.
        template: A ``messages`` template with a ``{file}`` field.
        location: Where the problem is, if it has a place.
        **fields: The template's other fields.
    """
    return ReadError(Problem(file, location, template.format(file=file, **fields)))


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` by ``n``, with ``n`` in front: "1 line", "3 lines"."""
    return f"{n:,} {one if n == 1 else many}"


def line_list(numbers: list[int], *, shown: int = 10) -> str:
    """Lines named for a sentence: "line 8", "lines 8 and 13", "lines 2, 3, 4 and 90 more"."""
    if len(numbers) == 1:
        return f"line {numbers[0]:,}"
    named = [f"{n:,}" for n in numbers[:shown]]
    if len(numbers) > shown:
        return f"lines {', '.join(named)} and {len(numbers) - shown:,} more"
    return f"lines {', '.join(named[:-1])} and {named[-1]}"
