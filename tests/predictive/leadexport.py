"""A synthetic lead export shaped like a public online-education lead-scoring export (the
columns, placeholders and habits of such files, not their records): one row per lead, keyed
by a prospect id with no email, "Select" where a form's drop-down was left untouched, many
Yes/No columns, a genuine signal (how the lead came in, time on the website, occupation,
last activity), and two columns sales fill in after working the lead: "Tags" (status words
such as "Closed by Horizzon", "Lost to EINS", "Ringing", "Will revert after reading the
email") and "Lead Quality" (a rep's verdict, filled mostly for the leads that converted).

``write_lead_export(path, rows, seed)`` is deterministic for a seed.
"""

from __future__ import annotations

import csv
import math
import random
import uuid
from collections.abc import Sequence
from pathlib import Path

HEADER = [
    "Prospect ID",
    "Lead Number",
    "Lead Origin",
    "Lead Source",
    "Do Not Email",
    "Do Not Call",
    "Converted",
    "TotalVisits",
    "Total Time Spent on Website",
    "Page Views Per Visit",
    "Last Activity",
    "Country",
    "Specialization",
    "How did you hear about X Education",
    "What is your current occupation",
    "What matters most to you in choosing a course",
    "Search",
    "Magazine",
    "Newspaper Article",
    "X Education Forums",
    "Newspaper",
    "Digital Advertisement",
    "Through Recommendations",
    "Receive More Updates About Our Courses",
    "Tags",
    "Lead Quality",
    "Update me on Supply Chain Content",
    "Get updates on DM Content",
    "Lead Profile",
    "City",
    "Asymmetrique Activity Index",
    "Asymmetrique Profile Index",
    "Asymmetrique Activity Score",
    "Asymmetrique Profile Score",
    "I agree to pay the amount through cheque",
    "A free copy of Mastering The Interview",
    "Last Notable Activity",
]
# The columns written once the outcome is known.
LEAKING = ("Tags", "Lead Quality")

# (value, weight, effect on the log-odds of converting)
Choice = tuple[str, float, float]
ORIGINS: list[Choice] = [
    ("Landing Page Submission", 0.53, 0.0),
    ("API", 0.38, -0.3),
    ("Lead Add Form", 0.08, 3.0),
    ("Lead Import", 0.01, -0.6),
]
SOURCES_BY_ORIGIN: dict[str, list[Choice]] = {
    "Landing Page Submission": [
        ("Google", 0.45, 0.1),
        ("Direct Traffic", 0.4, -0.2),
        ("Organic Search", 0.12, 0.0),
        ("Referral Sites", 0.03, -0.3),
    ],
    "API": [
        ("Olark Chat", 0.5, -0.9),
        ("Google", 0.3, 0.1),
        ("Organic Search", 0.15, 0.0),
        ("", 0.05, 0.0),
    ],
    "Lead Add Form": [("Reference", 0.7, 0.4), ("Welingak Website", 0.3, 1.8)],
    "Lead Import": [("Facebook", 1.0, 0.0)],
}
ACTIVITIES: list[Choice] = [
    ("Email Opened", 0.37, 0.3),
    ("SMS Sent", 0.30, 1.6),
    ("Olark Chat Conversation", 0.10, -1.5),
    ("Page Visited on Website", 0.07, -0.2),
    ("Converted to Lead", 0.05, -0.8),
    ("Email Bounced", 0.035, -1.0),
    ("Email Link Clicked", 0.03, 0.0),
    ("Form Submitted on Website", 0.012, 0.0),
    ("Unreachable", 0.01, 0.0),
    ("Unsubscribed", 0.006, -0.3),
    ("Had a Phone Conversation", 0.003, 1.5),
    ("", 0.014, 0.0),
]
OCCUPATIONS: list[Choice] = [
    ("Unemployed", 0.60, 0.0),
    ("Working Professional", 0.08, 2.6),
    ("Student", 0.023, -0.3),
    ("Other", 0.002, 0.5),
    ("Housewife", 0.001, 1.0),
    ("Businessman", 0.001, 0.5),
    ("", 0.293, -1.3),
]
SPECIALIZATIONS: list[Choice] = [
    ("Select", 0.21, -0.4),
    ("", 0.15, -0.2),
    ("Finance Management", 0.105, 0.1),
    ("Human Resource Management", 0.09, 0.1),
    ("Marketing Management", 0.09, 0.15),
    ("Operations Management", 0.055, 0.1),
    ("Business Administration", 0.043, 0.0),
    ("IT Projects Management", 0.04, 0.0),
    ("Supply Chain Management", 0.038, 0.0),
    ("Banking, Investment And Insurance", 0.036, 0.1),
    ("Media and Advertising", 0.022, 0.0),
    ("Travel and Tourism", 0.022, -0.2),
    ("International Business", 0.019, 0.0),
    ("Healthcare Management", 0.017, 0.1),
    ("Hospitality Management", 0.012, -0.1),
    ("E-COMMERCE", 0.012, 0.0),
    ("Retail Management", 0.011, 0.0),
    ("Rural and Agribusiness", 0.008, 0.0),
    ("E-Business", 0.006, 0.0),
    ("Services Excellence", 0.004, 0.0),
]
HEARD: list[Choice] = [
    ("Select", 0.55, 0.0),
    ("", 0.24, 0.0),
    ("Online Search", 0.09, 0.0),
    ("Word Of Mouth", 0.04, 0.0),
    ("Student of SomeSchool", 0.03, 0.0),
    ("Other", 0.02, 0.0),
    ("Multiple Sources", 0.02, 0.0),
    ("Social Media", 0.01, 0.0),
]
CITIES: list[Choice] = [
    ("Mumbai", 0.35, 0.0),
    ("Select", 0.24, 0.0),
    ("", 0.15, 0.0),
    ("Thane & Outskirts", 0.08, 0.0),
    ("Other Cities", 0.07, 0.0),
    ("Other Cities of Maharashtra", 0.05, 0.0),
    ("Other Metro Cities", 0.04, 0.0),
    ("Tier II Cities", 0.02, 0.0),
]
PROFILES: list[Choice] = [
    ("Select", 0.45, 0.0),
    ("", 0.29, -0.2),
    ("Potential Lead", 0.17, 1.4),
    ("Other Leads", 0.05, 0.0),
    ("Student of SomeSchool", 0.025, -1.5),
    ("Lateral Student", 0.01, 0.5),
    ("Dual Specialization Student", 0.005, 0.5),
]
COUNTRIES: list[Choice] = [
    ("India", 0.70, 0.0),
    ("", 0.265, 0.0),
    ("United States", 0.01, 0.0),
    ("United Arab Emirates", 0.01, 0.0),
    ("Singapore", 0.005, 0.0),
    ("Saudi Arabia", 0.005, 0.0),
    ("unknown", 0.005, 0.0),
]
# What sales write in "Tags" once they have worked the lead, by outcome.
TAGS_CONVERTED: list[Choice] = [
    ("Will revert after reading the email", 0.52, 0),
    ("Closed by Horizzon", 0.16, 0),
    ("", 0.22, 0),
    ("Lost to EINS", 0.05, 0),
    ("Busy", 0.02, 0),
    ("in touch with EINS", 0.01, 0),
    ("Still Thinking", 0.01, 0),
    ("Want to take admission but has financial problems", 0.01, 0),
]
TAGS_NOT_CONVERTED: list[Choice] = [
    ("", 0.50, 0),
    ("Ringing", 0.20, 0),
    ("Interested in other courses", 0.09, 0),
    ("Already a student", 0.08, 0),
    ("switched off", 0.04, 0),
    ("Not doing further education", 0.03, 0),
    ("Will revert after reading the email", 0.03, 0),
    ("Interested  in full time MBA", 0.02, 0),
    ("Busy", 0.02, 0),
    ("invalid number", 0.01, 0),
]
QUALITY_CONVERTED: list[Choice] = [
    ("Might be", 0.35, 0),
    ("High in Relevance", 0.25, 0),
    ("", 0.25, 0),
    ("Low in Relevance", 0.10, 0),
    ("Not Sure", 0.05, 0),
]
QUALITY_NOT_CONVERTED: list[Choice] = [
    ("", 0.59, 0),
    ("Not Sure", 0.16, 0),
    ("Worst", 0.12, 0),
    ("Might be", 0.10, 0),
    ("Low in Relevance", 0.02, 0),
    ("High in Relevance", 0.01, 0),
]
NOTABLE = {"Email Opened", "SMS Sent", "Page Visited on Website", "Olark Chat Conversation"}
# Yes/No columns that almost never say Yes (as in such exports).
RARELY_YES = (
    "Search",
    "Magazine",
    "Newspaper Article",
    "X Education Forums",
    "Newspaper",
    "Digital Advertisement",
    "Through Recommendations",
    "Receive More Updates About Our Courses",
    "Update me on Supply Chain Content",
    "Get updates on DM Content",
    "I agree to pay the amount through cheque",
)
INTERCEPT = -1.3


def _pick(rng: random.Random, choices: Sequence[Choice]) -> tuple[str, float]:
    value, _, effect = rng.choices(choices, weights=[w for _, w, _ in choices])[0]
    return value, effect


def _yes(rng: random.Random, share: float) -> str:
    return "Yes" if rng.random() < share else "No"


def lead_row(rng: random.Random, number: int) -> dict[str, str]:
    """One lead: what was known when it came in, its outcome, then what sales wrote."""
    row: dict[str, str] = {
        "Prospect ID": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "Lead Number": str(number),
    }
    logit = INTERCEPT
    origin, effect = _pick(rng, ORIGINS)
    row["Lead Origin"], logit = origin, logit + effect
    row["Lead Source"], effect = _pick(rng, SOURCES_BY_ORIGIN[origin])
    logit += effect
    row["Do Not Email"] = _yes(rng, 0.08)
    logit += -0.8 if row["Do Not Email"] == "Yes" else 0.0
    row["Do Not Call"] = _yes(rng, 0.0003)
    logit += _visits(rng, row, came_by_form=origin in {"Lead Add Form", "Lead Import"})
    row["Last Activity"], effect = _pick(rng, ACTIVITIES)
    logit += effect
    for column, choices in (
        ("Country", COUNTRIES),
        ("Specialization", SPECIALIZATIONS),
        ("How did you hear about X Education", HEARD),
        ("What is your current occupation", OCCUPATIONS),
        ("Lead Profile", PROFILES),
        ("City", CITIES),
    ):
        row[column], effect = _pick(rng, choices)
        logit += effect
    occupation_known = row["What is your current occupation"] != ""
    row["What matters most to you in choosing a course"] = (
        "Better Career Prospects" if occupation_known else ""
    )
    for column in RARELY_YES:
        row[column] = _yes(rng, 0.001)
    row["A free copy of Mastering The Interview"] = _yes(rng, 0.31)
    logit += _asymmetrique(rng, row)
    activity = row["Last Activity"]
    row["Last Notable Activity"] = (
        activity if activity in NOTABLE and rng.random() < 0.65 else "Modified"
    )
    converted = rng.random() < 1 / (1 + math.exp(-logit))
    row["Converted"] = "1" if converted else "0"
    row["Tags"], _ = _pick(rng, TAGS_CONVERTED if converted else TAGS_NOT_CONVERTED)
    row["Lead Quality"], _ = _pick(rng, QUALITY_CONVERTED if converted else QUALITY_NOT_CONVERTED)
    return row


def _visits(rng: random.Random, row: dict[str, str], *, came_by_form: bool) -> float:
    """Website visits, time and pages: a lead from a form or an import never visited."""
    if came_by_form or rng.random() < 0.18:
        row["TotalVisits"], row["Total Time Spent on Website"] = "0", "0"
        row["Page Views Per Visit"] = "0"
        return 0.0
    visits = 1 + int(rng.expovariate(1 / 2.5))
    seconds = min(int(rng.lognormvariate(6.0, 0.9)), 2272)
    row["TotalVisits"] = "" if rng.random() < 0.015 else str(visits)
    row["Total Time Spent on Website"] = str(seconds)
    row["Page Views Per Visit"] = f"{max(1.0, rng.gauss(2.4, 1.2)):.2f}".rstrip("0").rstrip(".")
    return 3.0 * (seconds / 1000) - 1.2 + 0.03 * visits


def _asymmetrique(rng: random.Random, row: dict[str, str]) -> float:
    """Indexes and scores filled for about half the leads, with a weak signal."""
    names = (
        "Asymmetrique Activity Index",
        "Asymmetrique Profile Index",
        "Asymmetrique Activity Score",
        "Asymmetrique Profile Score",
    )
    if rng.random() < 0.46:
        for name in names:
            row[name] = ""
        return 0.0
    activity = rng.choice([13, 14, 14, 15, 15, 15, 16, 16, 17, 12, 11])
    profile = rng.choice([15, 15, 16, 17, 18, 18, 19, 20, 14, 13])
    row[names[0]] = "01.High" if activity >= 16 else "02.Medium" if activity >= 13 else "03.Low"
    row[names[1]] = "01.High" if profile >= 17 else "02.Medium" if profile >= 14 else "03.Low"
    row[names[2]], row[names[3]] = str(activity), str(profile)
    return 0.08 * (profile - 16) - 0.05 * (activity - 14)


def write_lead_export(path: Path, rows: int = 3000, seed: int = 22) -> Path:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for i in range(rows):
            writer.writerow(lead_row(rng, 660737 - 3 * i))
    return path
