"""Puts one section (a file starting with its "## " heading) into docs/benchmarks.md in place of the section of the
same heading, or at the end when there is none; the other sections are left as they are.
Usage: python3 bench/write-section.py SECTION_FILE [DOC=docs/benchmarks.md]"""
import re
import sys

section = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
path = sys.argv[2] if len(sys.argv) > 2 else "docs/benchmarks.md"
heading = section.splitlines()[0]
doc = open(path, encoding="utf-8").read()
match = re.search("^" + re.escape(heading) + r"\n.*?(?=^## |\Z)", doc, flags=re.S | re.M)
if match:
    rest = doc[match.end():]
    doc = doc[:match.start()] + section + ("\n" + rest if rest else "")
else:
    doc = doc.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(doc)
