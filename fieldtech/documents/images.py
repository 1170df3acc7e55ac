"""Images on documents, prepared once per picture and embedded by reference to that preparation.

Signatures, logos and photos recur: the same logo on every document, the same signature on a
reprint, the same photos on a pickup and a return receipt. reportlab decodes, flattens and
deflates an image each time it is drawn; here that work is done once per picture (by content)
and each later document embeds the ready stream. Photos from a camera are scaled down to what
a printed thumbnail can show, so a receipt does not carry 12 megapixels.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass

from PIL import Image as PILImage
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Flowable

MAX_PIXELS = 1600
"""Longest side kept: a 60 mm thumbnail at 600 dpi needs about 1,400 pixels."""


@dataclass(frozen=True)
class Prepared:
    """A picture ready to embed: its pixel size and the PDF image stream with its filter."""

    name: str
    width: int
    height: int
    color_space: str
    filters: tuple[str, ...]
    stream: bytes


def _flatten(source: PILImage.Image, gray: bool) -> PILImage.Image:
    """The picture on white paper: transparency composited over white, in grey or colour."""
    rgba = source.convert("RGBA")
    paper = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
    paper.alpha_composite(rgba)
    return paper.convert("L" if gray else "RGB")


def prepared(data: bytes, ink: bool = False) -> Prepared:
    """Decode and encode a picture once. `ink` draws it as grey ink on white (signatures: a
    third of the pixels of colour with a mask, and it prints the same).

    Kept by content hash, so the cache holds small prepared streams, never the photos given.
    Raises what Pillow raises for data that is not a readable image.
    """
    key = (hashlib.sha256(data).hexdigest()[:32], ink)
    found = _cache.pop(key, None)
    if found is None:
        found = _prepare(f"img{key[0]}{'ink' if ink else ''}", ink, data)
        if len(_cache) >= CACHE_SIZE:
            del _cache[next(iter(_cache))]
    _cache[key] = found  # most recently used last
    return found


CACHE_SIZE = 32
_cache: dict[tuple[str, bool], Prepared] = {}


def _prepare(name: str, ink: bool, data: bytes) -> Prepared:
    with PILImage.open(io.BytesIO(data)) as source:
        source.load()
        too_big = max(source.size) > MAX_PIXELS
        if source.format == "JPEG" and source.mode in ("L", "RGB") and not ink and not too_big:
            space = "DeviceGray" if source.mode == "L" else "DeviceRGB"
            return Prepared(name, *source.size, space, ("DCTDecode",), data)
        if too_big:
            source.thumbnail((MAX_PIXELS, MAX_PIXELS))
        gray = ink or source.mode in ("1", "L", "LA")
        flat = _flatten(source, gray)
    if too_big and not ink:
        out = io.BytesIO()
        flat.save(out, format="JPEG", quality=85)
        space = "DeviceGray" if gray else "DeviceRGB"
        return Prepared(name, *flat.size, space, ("DCTDecode",), out.getvalue())
    space = "DeviceGray" if gray else "DeviceRGB"
    return Prepared(name, *flat.size, space, ("FlateDecode",), zlib.compress(flat.tobytes()))


class PreparedImage(Flowable):  # type: ignore[misc] # reportlab is untyped
    """A prepared picture drawn at a size; embedded once per document however often drawn."""

    def __init__(self, picture: Prepared, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        self.width, self.height = width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # reportlab's canvas.drawImage would decode and deflate the picture again; registering
        # the ready stream follows what drawImage does with the XObject it makes.
        canv, pic = self.canv, self.picture
        doc = canv._doc
        reg_name = doc.getXObjectName(pic.name)
        if reg_name not in doc.idToObject:
            xobject = pdfdoc.PDFImageXObject(pic.name)
            xobject.width, xobject.height = pic.width, pic.height
            xobject.bitsPerComponent = 8
            xobject.colorSpace = pic.color_space
            xobject._filters = pic.filters
            xobject.streamContent = pic.stream
            xobject.mask = None
            canv._setXObjects(xobject)
            doc.Reference(xobject, reg_name)
            doc.addForm(pic.name, xobject)
        canv._currentPageHasImages = 1
        canv.saveState()
        canv.scale(self.width, self.height)
        canv._code.append(f"/{reg_name} Do")
        canv.restoreState()
        canv._formsinuse.append(pic.name)
