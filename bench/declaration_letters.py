"""Benchmark: the families' letters of the engagementsverklaring (issue 5). Prints the time to lay out
a PDF of 100 letters per run and per letter, with Dutch beside a translation (half Arabic, half Turkish).

Builds a fresh database (SQLite in a temporary folder, or the one in DATABASE_URL) with a published
declaration from the template and the families. Run: .venv/bin/python bench/declaration_letters.py [--families 100]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.profile import fresh_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    fresh_database()
    from datetime import date

    from django.db import connection

    from accounts.models import User
    from engagement.drafting import start_declaration, take_step
    from engagement.families.letters import letters_pdf
    from engagement.models import Family
    from schools.models import School

    school = School.objects.create(name="Basisschool De Bank", town="Gent")
    user = User.objects.create_user("bench@example.org", "a-long-bench-password", name="Bench")
    declaration = start_declaration(school, "2026-2027", user)
    for step in ("consult", "adopt", "publish"):
        take_step(declaration, step, adopted_on=date(2026, 9, 15))
    declaration.refresh_from_db()
    families = Family.objects.bulk_create(
        Family(
            school=school,
            school_year="2026-2027",
            reference=f"G-{number:05}",
            class_name=f"{1 + number % 6}A",
            language=("ar", "tr")[number % 2],
        )
        for number in range(args.families)
    )
    timings, size = [], 0
    for _ in range(args.runs):
        start = time.perf_counter()
        pdf = letters_pdf(declaration, families, reminder=False)
        timings.append(time.perf_counter() - start)
        size = len(pdf)
    median = statistics.median(timings)
    print(
        f"Family letters [{connection.vendor}] {args.families} letters (Dutch beside Arabic or Turkish): "
        f"median {median:.2f} s over {args.runs} runs (min {min(timings):.2f} s), "
        f"{median / args.families * 1000:.0f} ms a letter, {size // 1024} KiB"
    )


if __name__ == "__main__":
    main()
