"""Records XML: elements built with xml.etree.ElementTree, written with xml.sax.saxutils.

The file is laid out as docs/records.md shows it: one element per line, two spaces per level,
text inline, empty elements as <tag/>. Top-level elements are written as they are made, so a
cohort of any size needs memory for one trainee only.
"""

import xml.etree.ElementTree as ET
from xml.sax.saxutils import XMLGenerator

INDENT = "  "


def element(tag, attrs=(), text=None, children=()):
    """An element with the (name, value) pairs of `attrs` in their order; a value that is None
    or "" is left out, others are written with str()."""
    el = ET.Element(tag, {name: str(value) for name, value in attrs
                          if value is not None and value != ""})
    el.text = text
    el.extend(children)
    return el


def comment(text):
    return ET.Comment(text)


class RecordsWriter:
    """Writes <?xml?>, a comment, then `root` with the elements given to write() as children.

    `stream` is a text stream; the caller encodes it as UTF-8."""

    def __init__(self, stream, root, root_attrs, header_comment):
        self._root = root
        self._xml = XMLGenerator(stream, encoding="UTF-8", short_empty_elements=True)
        self._xml.startDocument()
        self._comment(header_comment)
        self._raw("\n")
        self._xml.startElement(root, dict(root_attrs))

    def write(self, el, level=1):
        xml = self._xml
        self._raw("\n" + INDENT * level)
        if el.tag is ET.Comment:
            self._comment(el.text)
            return
        xml.startElement(el.tag, el.attrib)
        if len(el):
            for child in el:
                self.write(child, level + 1)
            self._raw("\n" + INDENT * level)
        elif el.text:
            xml.characters(el.text)
        xml.endElement(el.tag)

    def close(self):
        self._raw("\n")
        self._xml.endElement(self._root)
        self._raw("\n")
        self._xml.endDocument()

    # XMLGenerator has no comment(); ignorableWhitespace() writes its text as it is.
    def _comment(self, text):
        self._raw("<!--%s-->" % text)

    def _raw(self, text):
        self._xml.ignorableWhitespace(text)
