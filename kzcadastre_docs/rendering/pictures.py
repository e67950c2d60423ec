"""Pictures in templates: an `InlineImage` in the context, written as `{{ value }}` in a text
run of the document body, becomes a picture there.

The engine numbers the pictures of a render (relationship and shape ids, media names) in
the order the context holds them, and adds the media, relationships and the PNG content
type only for pictures the template placed. Same context, same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jinja2.exceptions import TemplateRuntimeError
from markupsafe import Markup

from ..i18n.catalogue import Message

from ..docx.images import CONTENT_TYPES, DOCUMENT_RELS, add_relationships, inline_picture_run, with_png_type

BODY_PART = "word/document.xml"
#: Shape ids of our pictures start here, clear of the ids Word gives its own shapes.
FIRST_SHAPE_ID = 7001


class InlineImage:
    """A PNG picture and its printed size; `scale` (1:scale) for drawings at a true scale."""

    def __init__(self, png: bytes, width_cm: float, height_cm: float, description: str, scale: int | None = None):
        self.png = png
        self.width_cm = width_cm
        self.height_cm = height_cm
        self.description = description
        self.scale = scale
        self._placement: Placement | None = None
        self._number = 0

    def __bool__(self) -> bool:
        return True

    def __html__(self) -> Markup:
        placement = self._placement
        if placement is None:
            raise TemplateRuntimeError(Message("a picture can only be placed while its document is rendered"))
        if placement.part != BODY_PART:
            raise TemplateRuntimeError(Message("pictures can be placed in the document body only, not in {part}",
                                                 part=placement.part))
        placement.used.add(self._number)
        return Markup(inline_picture_run(self.rel_id, FIRST_SHAPE_ID + self._number - 1, self.width_cm,
                                         self.height_cm, f"Picture {self._number}", self.description))

    def __str__(self) -> str:
        return self.__html__()

    @property
    def rel_id(self) -> str:
        return f"rIdKzPicture{self._number}"

    @property
    def media(self) -> str:
        return f"media/kz-picture-{self._number}.png"


def _pictures(value: Any) -> Iterator[InlineImage]:
    if isinstance(value, InlineImage):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _pictures(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _pictures(item)


class Placement:
    """The pictures of one render: numbered, told which part is being rendered, and turned
    into parts for those the template placed."""

    def __init__(self, context: Mapping[str, Any]):
        self.pictures: list[InlineImage] = []
        for picture in _pictures(dict(context)):
            if picture._placement is not None:
                raise ValueError("a picture is being rendered twice at the same time")
            if picture not in self.pictures:
                self.pictures.append(picture)
        self.part = ""
        self.used: set[int] = set()

    def __enter__(self) -> Placement:
        for number, picture in enumerate(self.pictures, start=1):
            picture._placement, picture._number = self, number
        return self

    def __exit__(self, *exc_info) -> None:
        for picture in self.pictures:
            picture._placement = None

    def parts(self, existing: Mapping[str, bytes]) -> dict[str, bytes]:
        """The media, relationships and content types for the placed pictures."""
        placed = [picture for picture in self.pictures if picture._number in self.used]
        if not placed:
            return {}
        parts = {f"word/{picture.media}": picture.png for picture in placed}
        parts[DOCUMENT_RELS] = add_relationships(existing[DOCUMENT_RELS], [(p.rel_id, p.media) for p in placed])
        parts[CONTENT_TYPES] = with_png_type(existing[CONTENT_TYPES])
        return parts
