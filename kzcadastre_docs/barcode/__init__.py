"""The passport's barcode: a compact payload (`payload`), its QR image (`image`) and reading
it back from a PDF or a PNG (`decode`). The payload format is documented in `payload`."""

from .decode import BarcodeNotFound, read_payloads
from .image import qr_png
from .payload import FORMAT, InvalidPayload, Payload, data_digest

__all__ = ["FORMAT", "BarcodeNotFound", "InvalidPayload", "Payload", "data_digest", "qr_png", "read_payloads"]
