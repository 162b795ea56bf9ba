"""ASiC-E (ETSI EN 319 162), the container Fiks IO carries: a zip whose first entry is
``mimetype``, stored uncompressed, followed by the files and ``META-INF/manifest.xml``
(the OpenDocument manifest that lists each file with its media type)."""

import io
import zipfile
from xml.sax.saxutils import quoteattr

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MANIFEST = "META-INF/manifest.xml"
# A fixed time for every entry: the same files make the same container, byte for byte.
_STAMP = (2020, 1, 1, 0, 0, 0)


def _manifest(files: list[tuple[str, str]]) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">',
        f'  <manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>',
    ]
    lines += [
        f"  <manifest:file-entry manifest:full-path={quoteattr(name)} "
        f"manifest:media-type={quoteattr(media_type)}/>"
        for name, media_type in files
    ]
    lines.append("</manifest:manifest>")
    return ("\n".join(lines) + "\n").encode()


def pack(files: list[tuple[str, str, bytes]]) -> bytes:
    """``files`` as (name, media type, content), in order, into one ASiC-E container."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as container:
        container.writestr(zipfile.ZipInfo("mimetype", _STAMP), MIMETYPE, zipfile.ZIP_STORED)
        for name, _media_type, content in files:
            container.writestr(zipfile.ZipInfo(name, _STAMP), content, zipfile.ZIP_DEFLATED)
        manifest = _manifest([(name, media_type) for name, media_type, _c in files])
        container.writestr(zipfile.ZipInfo(MANIFEST, _STAMP), manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def unpack(content: bytes) -> dict[str, bytes]:
    """The container's files by name; ``ValueError`` unless it is a well-formed ASiC-E."""
    with zipfile.ZipFile(io.BytesIO(content)) as container:
        entries = container.infolist()
        first = entries[0] if entries else None
        if first is None or first.filename != "mimetype" or first.compress_type:
            raise ValueError("the first entry is not an uncompressed mimetype")
        if container.read("mimetype").decode() != MIMETYPE:
            raise ValueError("the mimetype is not ASiC-E")
        if MANIFEST not in container.namelist():
            raise ValueError("no META-INF/manifest.xml")
        return {e.filename: container.read(e) for e in entries if e.filename != "mimetype"}
