"""Issue 14, point 8: the whole walk of the feedback page to families, in a real browser.

The coordinator composes the page from a closed round and opens the consultation, the parent representative
comments, the coordinator publishes and downloads the A4 poster; the poster's QR code is read back (rendered with
pdftoppm and compared module by module with the code of the address printed under it); on a 360 px phone a parent
opens that link, chooses Turkish and reads it beside the Dutch, and plays read-aloud (a real audio clip); a pupil
follows the thank-you page's link to the je-form version. axe-core finds no serious or critical violation.
"""

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import LazySettings
from playwright.sync_api import expect

from feedback.composing import figure_options
from feedback.models import FeedbackPage, FeedbackState, FeedbackTranslation
from framework.models import TranslationStatus
from schools.models import Membership, Role
from surveys.devices import COOKIE_NAME, COOKIE_PATH, handed_in_cookie
from tests.browser.axe import AxeAudit
from tests.browser.steps import PHONE, log_in
from tests.browser.test_declaration import NewContext
from tests.helpers.feedback_rounds import closed_round
from tests.helpers.qr_in_pdf import qr_matches, rendered_page
from tests.helpers.world import World, make_user

TURKISH = {
    "introduction": "Fikrinizi paylaştınız. Teşekkür ederiz!",
    "parents.0": "Birçok veli sınıfta ne olduğunu bilmiyor.",
    "team": "Velilere her ay sınıfın ne yaptığını anlatıyoruz.",
}


def printed_address(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, check=True).stdout.decode()
    found = re.search(r"\S+/terug/[a-z0-9]+/", text)
    assert found, text
    return found.group().strip("\u2066\u2069")


@pytest.mark.browser
def test_feedback_to_families(
    live_server: object, world: World, new_context: NewContext, axe_audit: AxeAudit, settings: LazySettings
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    settings.PUBLIC_BASE_URL = base  # what posters print and their QR codes hold: this server
    rep = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rep, role=Role.PARENT_REP)
    round_ = closed_round(world)
    page_path = f"{base}/s/{world.school.id}/rounds/{round_.id}/terugkoppeling/"

    # The coordinator starts the page from the closed round and composes it.
    staff = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(staff, base, world.alice.email)
    staff.goto(page_path)
    axe_audit.check(staff)
    staff.locator('form[action$="starten/"] button[type=submit]').click()
    expect(staff).to_have_url(f"{page_path}bewerken/")
    options = [option for option in figure_options(round_, "nl") if option.ref.audience == "parents"]
    keys = list({option.ref.dimension: option.ref.key for option in options if not option.ref.group}.values())[:3]
    staff.locator("#id_introduction").fill("U gaf uw mening. Dank u wel!")
    for number, (key, text) in enumerate(
        zip(
            keys,
            (
                "Veel ouders weten niet wat er in de klas gebeurt.",
                "Ouders willen vaker horen hoe het met hun kind gaat.",
                "Ouders voelen zich welkom aan de schoolpoort.",
            ),
            strict=True,
        ),
        start=1,
    ):
        staff.locator(f'[name="parents_{number}_figure"]').select_option(key)
        staff.locator(f'[name="parents_{number}_text"]').fill(text)
    staff.locator('[name="team"]').fill("We vertellen ouders elke maand wat de klas doet.")
    staff.locator('[name="for_pupils_pupil_10_12"]').fill("Jullie zeiden dat je meer wilt weten. Dat doen we.")
    staff.locator("main form.stack button[type=submit]").click()
    expect(staff.locator(".messages")).to_contain_text("versie 2")
    axe_audit.check(staff)
    staff.goto(page_path)
    staff.locator('form[action$="stap/consult/"] button').click()
    expect(staff.locator(".messages")).to_be_visible()

    # The parent representative reads the draft and comments.
    parent_rep = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(parent_rep, base, rep.email)
    parent_rep.goto(page_path)
    expect(parent_rep.locator("main")).to_contain_text("Ouders voelen zich welkom aan de schoolpoort.")
    parent_rep.locator("#comment-topic").select_option("parents")
    parent_rep.locator("#comment-body").fill("Vertel ook iets over de nieuwsbrief.")
    parent_rep.locator("#comment-form button[type=submit]").click()
    expect(parent_rep.locator("main")).to_contain_text("Vertel ook iets over de nieuwsbrief.")
    axe_audit.check(parent_rep)

    # The coordinator reads the comment and publishes (asked to confirm first).
    staff.goto(page_path)
    expect(staff.locator("main")).to_contain_text("Vertel ook iets over de nieuwsbrief.")
    staff.locator('a[href$="stap/publish/"]').click()
    axe_audit.check(staff)
    staff.locator("main form button[type=submit].primary").click()
    feedback_page = FeedbackPage.objects.get(round=round_)
    assert feedback_page.state == FeedbackState.PUBLISHED and feedback_page.published_version is not None
    FeedbackTranslation.objects.create(  # the translation itself is point 3's form; here it is given
        version=feedback_page.published_version,
        school=world.school,
        language="tr",
        status=TranslationStatus.REVIEWED,
        fields=TURKISH,
    )

    # The poster for the school gate: its QR code holds the address printed under it.
    staff.goto(page_path)
    staff.locator('a[href$="bereik/"]').click()
    axe_audit.check(staff)
    with staff.expect_download() as download:
        staff.locator('a[href$="affiche/a4/"]').click()
    poster = Path(download.value.path()).read_bytes()
    address = printed_address(poster)
    link = f"{base.split('://')[0]}://{address}"
    assert link == f"{base}/terug/{feedback_page.public_slug}/"
    assert qr_matches(rendered_page(poster), link)

    # A parent scans it on a 360 px phone, chooses Turkish, reads it beside the Dutch and listens.
    phone = new_context(**PHONE).new_page()
    phone.goto(link)
    expect(phone.locator("h1")).to_have_text("Jullie zeiden, wij doen")
    phone.locator("details.r-lang summary").click()
    phone.locator('details.r-lang a[lang="tr"]').click()
    expect(phone.locator("html")).to_have_attribute("lang", "tr")
    turkish = phone.locator(".d-translation", has_text="Birçok veli sınıfta ne olduğunu bilmiyor.")
    expect(turkish).to_have_count(1)
    beside = turkish.locator("xpath=..")  # the Dutch and its translation side by side, in one block
    expect(beside.locator(".d-master")).to_contain_text("Veel ouders weten niet wat er in de klas gebeurt.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    axe_audit.check(phone)
    player = turkish.locator("audio")
    expect(player).to_be_attached()
    source = player.get_attribute("src")
    assert source and "/audio/tr/" in source
    clip = phone.request.get(f"{base}{source}")
    assert clip.status == 200 and clip.headers["content-type"].startswith("audio/") and len(clip.body()) > 1000
    loaded = phone.evaluate(
        """(audio) => new Promise((done) => {
            audio.addEventListener("loadeddata", () => done(audio.duration), { once: true });
            audio.addEventListener("error", () => done(-1), { once: true });
            audio.load();
        })""",
        player.element_handle(),
    )
    assert loaded > 0  # the browser loaded the clip and knows how long it plays

    # A pupil who answered follows the thank-you page's link to the je-form version.
    pupil_context = new_context(**PHONE)
    host = base.split("://")[1].split(":")[0]
    pupil_context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": handed_in_cookie("nl", "pupil_10_12", round_.id),
                "domain": host,
                "path": COOKIE_PATH,
            }
        ]
    )
    pupil = pupil_context.new_page()
    pupil.goto(f"{base}/q/thanks/")
    pupil.get_by_role("link", name="Wat doet de school met jouw antwoorden?").click()
    expect(pupil).to_have_url(re.compile(r"/terug/[a-z0-9]+/leerlingen/10-12/"))
    expect(pupil.locator("main")).to_contain_text("Jullie zeiden dat je meer wilt weten. Dat doen we.")
    assert pupil.evaluate("document.documentElement.scrollWidth") <= 360
    axe_audit.check(pupil)

    assert not axe_audit.findings, axe_audit.report()
