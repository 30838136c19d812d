"""A big document segmented part by part gives the sentences of segmenting it at once."""
import pytest

from models.documents import Document, load_document, sample_path
from models.text.segmentation import segment, segment_part


@pytest.mark.parametrize("size", [1, 500, 4000])
def test_parts_add_up_to_the_whole_segmentation(size):
    text = sample_path().read_text(encoding="utf-8") * 3 + "\n\nسطر أخير بلا نهاية"
    parts, start, last_paragraph = [], 0, -1
    while start < len(text):
        sentences, start = segment_part(text, start, size, len(parts), last_paragraph)
        parts += sentences
        last_paragraph = parts[-1].paragraph if parts else last_paragraph
    assert parts == segment(text)


def test_a_document_opened_with_first_chars_is_completed_by_its_parts(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"\n".join([sample_path().read_bytes()] * 20))
    whole = load_document(path)
    document = load_document(path, first_chars=3000)
    assert not document.segmented
    assert 0 < len(document.sentences) < len(whole.sentences)
    assert document.sentences == whole.sentences[:len(document.sentences)]
    while not document.segmented:
        document.add_part(*document.next_part(10_000))
    assert document.sentences == whole.sentences
    assert Document.from_text(whole.text).segmented
