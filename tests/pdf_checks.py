"""What a PDF meant for people must carry (PDF/UA): a structure tree, the marked flag, its
language and a title shown as the window title."""

import io

from pypdf import PdfReader


def assert_tagged(content: bytes, lang: str) -> PdfReader:
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is not tagged"
    assert root["/MarkInfo"]["/Marked"], "not marked as tagged"
    assert str(root["/Lang"]).lower().startswith(lang), root.get("/Lang")
    assert root["/ViewerPreferences"]["/DisplayDocTitle"], "the title is not shown"
    assert reader.metadata, "no metadata"
    assert reader.metadata.title, "no title"
    return reader
