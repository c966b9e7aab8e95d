"""What Huddle ships: the default buying stages with their indicator touches, and a library
of ready-made plays for them (adopted from the Plays page, then edited like any play).
Pure data."""

from __future__ import annotations

from dataclasses import dataclass

from huddle.plays.schemas import BuyingStageWrite, Indicator, PlayStep


def _page(url_part: str) -> Indicator:
    return Indicator(touch_type="page_view", property="url", contains=url_part)


DEFAULT_STAGES: tuple[BuyingStageWrite, ...] = (
    BuyingStageWrite(
        key="problem_aware",
        name="Problem aware",
        indicators=[_page("/blog"), Indicator(touch_type="email_clicked")],
    ),
    BuyingStageWrite(
        key="researching",
        name="Researching solutions",
        indicators=[
            _page("/product"),
            _page("/features"),
            Indicator(touch_type="webinar_attended"),
            Indicator(touch_type="asset_downloaded"),
        ],
    ),
    BuyingStageWrite(
        key="evaluating",
        name="Evaluating vendors",
        indicators=[
            _page("/pricing"),
            _page("/compare"),
            _page("/vs-"),
            Indicator(touch_type="asset_downloaded", property="asset", contains="ROI"),
            Indicator(touch_type="page_view", property="url", contains="roi-calculator"),
        ],
    ),
    BuyingStageWrite(
        key="deciding",
        name="Deciding",
        indicators=[
            Indicator(touch_type="demo_requested"),
            Indicator(touch_type="quote_requested"),
            Indicator(touch_type="trial_started"),
            Indicator(touch_type="form_submitted", property="form", contains="demo"),
        ],
    ),
    # Reached when the lifecycle stage becomes "customer" (a deal won), not by a touch.
    BuyingStageWrite(key="customer", name="Customer", indicators=[]),
)
CUSTOMER_STAGE = "customer"


@dataclass(frozen=True)
class Email:
    """The email a library play's marketing step sends: created as a template on adoption
    (or the template of that name reused)."""

    name: str
    subject: str
    html_body: str


@dataclass(frozen=True)
class LibraryStep:
    step: PlayStep
    email: Email | None = None


@dataclass(frozen=True)
class LibraryPlay:
    key: str
    name: str
    description: str
    buying_stage: str
    steps: tuple[LibraryStep, ...]


def _mail(title: str, name: str, subject: str, body: str) -> LibraryStep:
    html = (
        '<p>Hi {{ contact.first_name | default("there") }},</p>'
        f"<p>{body}</p>"
        '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>'
    )
    return LibraryStep(PlayStep(owner="marketing", title=title), Email(name, subject, html))


def _task(owner: str, title: str, due_hours: int) -> LibraryStep:
    return LibraryStep(
        PlayStep.model_validate({"owner": owner, "title": title, "due_hours": due_hours})
    )


LIBRARY: tuple[LibraryPlay, ...] = (
    LibraryPlay(
        key="awareness",
        name="Awareness play",
        description="Teach the problem before selling the solution.",
        buying_stage="problem_aware",
        steps=(
            _mail(
                "Marketing sends the guide to the problem",
                "Play: the problem in numbers",
                "What leads lost between marketing and sales cost",
                "Here is our short guide to what leads lost between teams really cost.",
            ),
            _task("sales", "Sales connects and offers a short discovery call", 72),
        ),
    ),
    LibraryPlay(
        key="research",
        name="Research play",
        description="Help them compare approaches with honest material.",
        buying_stage="researching",
        steps=(
            _mail(
                "Marketing sends the buyer's guide",
                "Play: buyer's guide",
                "How to choose a marketing and sales alignment tool",
                "Our buyer's guide lists the questions worth asking every vendor, us included.",
            ),
            _task("sales", "Sales shares a customer story from their industry", 48),
        ),
    ),
    LibraryPlay(
        key="evaluation",
        name="Evaluation play",
        description="Prove the value while they compare vendors.",
        buying_stage="evaluating",
        steps=(
            _mail(
                "Marketing sends the ROI calculator",
                "Play: ROI calculator",
                "Work out your return in five minutes",
                "Our ROI calculator shows what aligned teams would return for you.",
            ),
            _task("sales", "Sales calls within a day of the ROI calculator", 24),
            _mail(
                "Marketing sends the case study of the same industry",
                "Play: industry case study",
                'How a {{ account.industry | default("company like yours") }} team did it',
                'A case study from {{ account.industry | default("your industry") }}.',
            ),
            _task("sales", "Sales books the demo", 48),
        ),
    ),
    LibraryPlay(
        key="decision",
        name="Decision play",
        description="Remove the last doubts and agree the decision date.",
        buying_stage="deciding",
        steps=(
            _task("sales", "Sales sends the proposal", 24),
            _mail(
                "Marketing sends the security and compliance pack",
                "Play: security pack",
                "Security and compliance, answered",
                "Everything your security review will ask, in one pack.",
            ),
            _task("sales", "Sales confirms the decision date and the signers", 48),
        ),
    ),
    LibraryPlay(
        key="onboarding",
        name="Onboarding play",
        description="Make the first weeks count for a new customer.",
        buying_stage="customer",
        steps=(
            _task("success", "Success holds the kick-off call", 48),
            _mail(
                "Marketing sends the onboarding guide",
                "Play: onboarding guide",
                "Your first week with us",
                "A step-by-step guide to your first week.",
            ),
            _task("success", "Success checks adoption after two weeks", 24 * 14),
        ),
    ),
)
LIBRARY_BY_KEY = {play.key: play for play in LIBRARY}
