"""Content negotiation, written once: the offered formats and the default are parameters.

A client chooses a format with the ``format`` parameter (a short name such as ``json`` or a media
type; the first value we know wins) or with ``Accept`` (RFC 9110 §12.5.1: media ranges with
q-values, the most specific matching range sets the weight). Ties go to the server's order, so
the first offered format is the default. Nothing here knows about HTTP requests or Flask.

>>> from policygraph.sparql.results import RESULT_FORMATS
>>> negotiate(RESULT_FORMATS, "text/csv;q=0.5, application/sparql-results+xml").name
'xml'
>>> negotiate(RESULT_FORMATS, None, ("tsv", "text/tab-separated-values")).name
'tsv'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .errors import NotAcceptable

CHARSET = "utf-8"


@dataclass(frozen=True)
class Format:
    """One serialisation we can produce.

    :param name: short name, also accepted by the ``format`` parameter.
    :param media_type: the media type we send.
    :param aliases: other media types and short names that select this format.
    """

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` value: every format we serve is text in UTF-8."""
        return f"{self.media_type}; charset={CHARSET}"

    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *(a for a in self.aliases if "/" in a))

    def names(self) -> tuple[str, ...]:
        return (self.name, self.media_type, *self.aliases)


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """2 for an exact match, 1 for ``type/*``, 0 for ``*/*``, -1 for no match."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


@lru_cache(maxsize=256)
def parse_accept(header: str) -> tuple[MediaRange, ...]:
    """Media ranges of an ``Accept`` (or ``Accept-Encoding``) header; malformed parts are skipped."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        kind, _, sub = fields[0].lower().partition("/")
        if not kind:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = -1.0
        if q >= 0:
            ranges.append(MediaRange(kind, sub or "*", q))
    return tuple(ranges)


def weight(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the client gives ``media_type``: that of the most specific matching range."""
    best, q = -1, 0.0
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if specificity > best or (specificity == best and media_range.q > q):
            best, q = specificity, media_range.q
    return q if best >= 0 else 0.0


def _exact(ranges: Sequence[MediaRange], media_type: str) -> float:
    return max((r.q for r in ranges if r.specificity(media_type) == 2), default=0.0)


@lru_cache(maxsize=512)
def _negotiate(offered: tuple[Format, ...], accept: str | None, requested: tuple[str, ...]) -> Format | None:
    if requested:
        for value in requested:
            wanted = value.strip().lower()
            for fmt in offered:
                if wanted in fmt.names():
                    return fmt
        return None
    if not accept or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_q = None, 0.0
    for fmt in offered:
        # an alias counts only when named exactly: text/* must not select XML through text/xml
        q = max([weight(ranges, fmt.media_type), *(_exact(ranges, alias) for alias in fmt.media_types()[1:])])
        if q > best_q:
            best, best_q = fmt, q
    return best


def negotiate(offered: Sequence[Format], accept: str | None, requested: Sequence[str] = ()) -> Format:
    """The format to answer in.

    :param offered: formats we can produce, preferred first (the first is the default).
    :param accept: the ``Accept`` header, if any.
    :param requested: values of the ``format`` parameter, if any; they override ``Accept``.
    :raises NotAcceptable: naming the offered media types when nothing fits.
    """
    chosen = _negotiate(tuple(offered), accept, tuple(requested))
    if chosen is None:
        raise NotAcceptable(tuple(f.media_type for f in offered))
    return chosen


def accepts_encoding(header: str | None, coding: str) -> bool:
    """True when an ``Accept-Encoding`` header allows ``coding`` (e.g. ``gzip``)."""
    if not header:
        return False
    best = -1.0
    for media_range in parse_accept(header):
        name = media_range.type
        if name == coding:
            return media_range.q > 0
        if name == "*":
            best = media_range.q
    return best > 0
