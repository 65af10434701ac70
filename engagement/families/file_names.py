"""What the families' downloads are called: the kind, the school, the school year and whom the file is about.

A folder of letters then says which school and which family or class each file is for; the header is made by
analysis.download_names, so that no school name can break it.
"""

from analysis.download_names import name_part

ALL_CLASSES = "alle-klassen"


def family_file_name(stem: str, school_name: str, school_year: str, extension: str, about: str = "") -> str:
    """E.g. gezinnen-de-regenboog-2026-2027.csv or brieven-de-regenboog-2026-2027-f001.pdf; empty parts left out."""
    parts = [stem, name_part(school_name), school_year, name_part(about)]
    return "-".join(part for part in parts if part) + "." + extension


def letters_about(class_name: str, reference: str) -> str:
    """Whom a PDF of letters is for: the one family (a lost letter), else the class, else every class."""
    return reference or class_name or ALL_CLASSES
