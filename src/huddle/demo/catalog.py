"""The fixed ingredients of the demo: people, companies, pages, content, campaigns, words."""

from __future__ import annotations

from huddle.contacts.service.notes import handle_of
from huddle.demo.plan import PlannedCustomField, PlannedUser

COMPANY = "Northwind Analytics"
SITE = "https://www.northwind-analytics.example"
DEMO_PASSWORD = "huddle-demo-2026"  # noqa: S105 - documented demo data on a local machine
ADMIN_EMAIL = "admin@huddle.example"
MARKETER_EMAIL = "maya.chen@huddle.example"
REP_EMAIL = "noah.kim@huddle.example"
MANAGER_EMAIL = "daniel.okafor@huddle.example"
MARKETING_OPS_EMAIL = "jonas.weber@huddle.example"
CONTENT_EMAIL = "sofia.rossi@huddle.example"
PRODUCT_EMAIL = "priya.nair@huddle.example"
SUCCESS_EMAILS = ("grace.liu@huddle.example", "omar.haddad@huddle.example")

USERS: tuple[PlannedUser, ...] = (
    PlannedUser(ADMIN_EMAIL, "Alex Morgan", "revops", "admin"),
    PlannedUser(MARKETER_EMAIL, "Maya Chen", "marketing", "marketing"),
    PlannedUser(MARKETING_OPS_EMAIL, "Jonas Weber", "marketing", "marketing_ops"),
    PlannedUser(CONTENT_EMAIL, "Sofia Rossi", "marketing", "marketing"),
    PlannedUser(MANAGER_EMAIL, "Daniel Okafor", "sales", "sales_manager"),
    PlannedUser(REP_EMAIL, "Noah Kim", "sales", "sales_rep", MANAGER_EMAIL),
    PlannedUser(
        "olivia.martin@huddle.example", "Olivia Martin", "sales", "sales_rep", MANAGER_EMAIL
    ),
    PlannedUser("emma.larsen@huddle.example", "Emma Larsen", "sales", "sales_rep", MANAGER_EMAIL),
    PlannedUser(
        "lucas.fischer@huddle.example", "Lucas Fischer", "sales", "sales_rep", MANAGER_EMAIL
    ),
    PlannedUser("aisha.rahman@huddle.example", "Aisha Rahman", "sales", "sales_rep", MANAGER_EMAIL),
    PlannedUser(SUCCESS_EMAILS[0], "Grace Liu", "customer_success", "customer_success"),
    PlannedUser(SUCCESS_EMAILS[1], "Omar Haddad", "customer_success", "customer_success"),
    PlannedUser(PRODUCT_EMAIL, "Priya Nair", "product", "product"),
)

# Territories: region -> the reps who own accounts there.
TERRITORIES: dict[str, tuple[str, ...]] = {
    "North America": (REP_EMAIL, "olivia.martin@huddle.example"),
    "EMEA": ("emma.larsen@huddle.example", "lucas.fischer@huddle.example"),
    "APAC": ("aisha.rahman@huddle.example",),
}

# (country, region, cities, phone prefix, weight)
GEOGRAPHY: tuple[tuple[str, str, tuple[str, ...], str, int], ...] = (
    (
        "United States",
        "North America",
        (
            "New York",
            "San Francisco",
            "Austin",
            "Chicago",
            "Boston",
            "Seattle",
            "Denver",
            "Atlanta",
        ),
        "+1",
        40,
    ),
    ("Canada", "North America", ("Toronto", "Vancouver", "Montreal"), "+1", 5),
    ("United Kingdom", "EMEA", ("London", "Manchester", "Edinburgh"), "+44", 12),
    ("Germany", "EMEA", ("Berlin", "Munich", "Hamburg"), "+49", 10),
    ("France", "EMEA", ("Paris", "Lyon"), "+33", 6),
    ("Netherlands", "EMEA", ("Amsterdam", "Rotterdam"), "+31", 5),
    ("Sweden", "EMEA", ("Stockholm",), "+46", 3),
    ("Spain", "EMEA", ("Madrid", "Barcelona"), "+34", 3),
    ("Ireland", "EMEA", ("Dublin",), "+353", 3),
    ("Australia", "APAC", ("Sydney", "Melbourne"), "+61", 6),
    ("Singapore", "APAC", ("Singapore",), "+65", 4),
    ("Japan", "APAC", ("Tokyo",), "+81", 3),
)

# industry -> name suffixes that sound like it
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "Software": ("Software", "Labs", "Cloud", "Systems", "Technologies"),
    "Financial services": ("Capital", "Financial", "Bank", "Payments", "Insurance"),
    "Healthcare": ("Health", "Medical", "Care", "Biosciences"),
    "Retail & e-commerce": ("Retail", "Goods", "Market", "Outfitters", "Supply"),
    "Manufacturing": ("Manufacturing", "Industries", "Works", "Components"),
    "Logistics": ("Logistics", "Freight", "Shipping", "Transport"),
    "Media": ("Media", "Studios", "Publishing"),
    "Education": ("Learning", "Academy", "Education"),
    "Professional services": ("Consulting", "Partners", "Advisory", "Group"),
    "Energy": ("Energy", "Power", "Renewables"),
}
# fmt: off
NAME_STEMS = (
    "Acorn", "Alder", "Apex", "Arbor", "Atlas", "Aurora", "Banyan", "Beacon", "Birch",
    "Blue Harbor", "Bright", "Cascade", "Cedar", "Clearwater", "Cobalt", "Copper", "Crescent",
    "Cypress", "Delta", "Driftwood", "Eastgate", "Ember", "Evergreen", "Falcon", "Fernhill",
    "Fjord", "Foxglove", "Granite", "Greenfield", "Halcyon", "Harbor", "Hawthorn", "Helix",
    "Highland", "Horizon", "Indigo", "Ironwood", "Juniper", "Kestrel", "Lakeside", "Lantern",
    "Larkspur", "Linden", "Lumen", "Maple", "Meridian", "Mesa", "Midway", "Monarch",
    "Northgate", "Nova", "Oakridge", "Onyx", "Orchard", "Osprey", "Pacific", "Paragon",
    "Pinnacle", "Polaris", "Prairie", "Quarry", "Quill", "Redwood", "Ridgeline", "Riverbend",
    "Rowan", "Sable", "Saffron", "Sagebrush", "Seaview", "Sequoia", "Sierra", "Silverline",
    "Skyline", "Solstice", "Sparrow", "Spruce", "Stonebridge", "Summit", "Sunridge", "Tamarack",
    "Tidewater", "Timber", "Topaz", "Trillium", "Tundra", "Twin Peaks", "Upland", "Vantage",
    "Verdant", "Vista", "Westbrook", "Whitecap", "Willow", "Windward", "Yarrow", "Zenith",
    "Zephyr",
)
# fmt: on
# fmt: off
TECHNOLOGIES = (
    "Snowflake", "BigQuery", "Redshift", "Databricks", "dbt", "Fivetran", "Airflow", "Segment",
    "Salesforce", "HubSpot", "Stripe", "Shopify", "Zendesk", "PostgreSQL", "Kafka", "Tableau",
    "Power BI", "AWS", "Google Cloud", "Azure",
)
# fmt: on

# fmt: off
FIRST_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra",
    "Mark", "Ashley", "Steven", "Emily", "Andrew", "Michelle", "Joshua", "Amanda", "Kevin",
    "Melissa", "Brian", "Stephanie", "Ryan", "Rebecca", "Wei", "Mei", "Hiroshi", "Yuki",
    "Arjun", "Ananya", "Rahul", "Priya", "Mohammed", "Fatima", "Ahmed", "Leila", "Carlos",
    "Sofia", "Diego", "Lucia", "Mateo", "Valentina", "Lars", "Ingrid", "Sven", "Astrid", "Hans",
    "Greta", "Pierre", "Camille", "Louis", "Chloe", "Giulia", "Marco", "Niamh", "Sean", "Olu",
    "Chioma", "Kwame", "Amara", "Dmitri", "Anya", "Tomasz", "Zofia", "Jin", "Seo-yeon", "Noor",
    "Tariq", "Isabel", "Rafael", "Freya", "Oscar", "Maja", "Elias", "Hannah", "Felix", "Clara",
    "Jonas", "Lea", "Ravi", "Kavya",
)
# fmt: on
# fmt: off
LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
    "Jackson", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
    "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
    "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Chen", "Wang",
    "Zhang", "Liu", "Tanaka", "Sato", "Suzuki", "Kim", "Park", "Patel", "Sharma", "Singh",
    "Gupta", "Khan", "Ali", "Hassan", "Ibrahim", "Muller", "Schmidt", "Schneider", "Fischer",
    "Weber", "Meyer", "Wagner", "Becker", "Dubois", "Martin", "Bernard", "Moreau", "Laurent",
    "Rossi", "Russo", "Ferrari", "Esposito", "Jansen", "de Vries", "van Dijk", "Bakker",
    "Johansson", "Andersson", "Nilsson", "Larsen", "Hansen", "Nowak", "Kowalski", "Ivanov",
    "Murphy", "Kelly", "O'Brien", "Byrne", "Okafor", "Mensah", "Silva", "Santos", "Costa",
    "Fernandes", "Nguyen", "Tran",
)
# fmt: on

# (job title, seniority, department, persona, weight, fit points)
TITLES: tuple[tuple[str, str, str, str, int, int], ...] = (
    ("VP of Data", "VP", "Data", "Data leader", 3, 3),
    ("Head of Analytics", "Director", "Data", "Data leader", 5, 3),
    ("Director of Business Intelligence", "Director", "Data", "Data leader", 4, 3),
    ("Chief Data Officer", "C-level", "Data", "Executive sponsor", 1, 3),
    ("CFO", "C-level", "Finance", "Executive sponsor", 1, 2),
    ("COO", "C-level", "Operations", "Executive sponsor", 1, 2),
    ("VP of Finance", "VP", "Finance", "Executive sponsor", 2, 2),
    ("Analytics Engineer", "Individual contributor", "Data", "Analytics engineer", 8, 2),
    ("Senior Data Engineer", "Senior", "Engineering", "Analytics engineer", 6, 2),
    ("Data Engineering Manager", "Manager", "Engineering", "Analytics engineer", 3, 2),
    ("Data Analyst", "Individual contributor", "Data", "Business analyst", 10, 1),
    ("Senior Business Analyst", "Senior", "Operations", "Business analyst", 6, 1),
    ("Financial Analyst", "Individual contributor", "Finance", "Business analyst", 4, 1),
    ("Marketing Analyst", "Individual contributor", "Marketing", "Business analyst", 4, 1),
    ("RevOps Manager", "Manager", "Revenue operations", "RevOps", 4, 2),
    ("Director of Revenue Operations", "Director", "Revenue operations", "RevOps", 2, 3),
    ("IT Manager", "Manager", "IT", "IT & security", 3, 1),
    ("Security Engineer", "Individual contributor", "IT", "IT & security", 2, 0),
    ("Software Engineer", "Individual contributor", "Engineering", "Other", 5, 0),
    ("Product Manager", "Manager", "Product", "Other", 3, 1),
    ("Marketing Manager", "Manager", "Marketing", "Other", 3, 0),
    ("Student", "Individual contributor", "Other", "Other", 1, -3),
)
# fmt: off
PERSONAS = (
    "Data leader", "Executive sponsor", "Analytics engineer", "Business analyst", "RevOps",
    "IT & security", "Other",
)
# fmt: on
PLAN_TIERS = ("Starter", "Growth", "Enterprise")

CUSTOM_FIELDS: tuple[PlannedCustomField, ...] = (
    PlannedCustomField("contact", "persona", "Persona", "choice", PERSONAS),
    PlannedCustomField("account", "plan_tier", "Plan tier", "choice", PLAN_TIERS),
    PlannedCustomField("account", "renewal_date", "Renewal date", "date"),
    PlannedCustomField("account", "seats", "Licensed seats", "number"),
)

# Website pages: (path, title)
PRODUCT_PAGES = (
    ("/", "Northwind Analytics - metrics everyone trusts"),
    ("/product", "Product overview"),
    ("/product/metrics-layer", "The metrics layer"),
    ("/product/dashboards", "Dashboards"),
    ("/product/forecasting", "Forecasting"),
    ("/integrations", "Integrations"),
    ("/security", "Security and compliance"),
    ("/customers", "Customer stories"),
    ("/docs/getting-started", "Docs: getting started"),
)
PRICING_PAGE = ("/pricing", "Pricing")
DEMO_PAGE = ("/demo", "Book a demo")
BLOG_POSTS = (
    ("/blog/what-is-a-metrics-layer", "What is a metrics layer, and do you need one?"),
    ("/blog/dashboards-nobody-reads", "Why nobody reads your dashboards"),
    ("/blog/revenue-forecasting-101", "Revenue forecasting 101"),
    ("/blog/dbt-and-northwind", "Using dbt models as the source of truth"),
    ("/blog/self-serve-analytics-pitfalls", "Five pitfalls of self-serve analytics"),
    ("/blog/board-metrics", "The twelve metrics your board asks about"),
    ("/blog/data-contracts", "Data contracts in practice"),
    ("/blog/cohort-analysis-guide", "A practical guide to cohort analysis"),
    ("/blog/cost-of-bad-data", "What bad data really costs"),
    ("/blog/ai-ready-data", "Is your data AI-ready?"),
)
# (path, title, kind)
ASSETS = (
    ("/resources/state-of-analytics-2025", "State of Analytics 2025 report", "whitepaper"),
    ("/resources/modern-metrics-layer", "The modern metrics layer", "ebook"),
    ("/resources/roi-calculator", "Analytics ROI calculator", "tool"),
    ("/resources/security-whitepaper", "Northwind security whitepaper", "whitepaper"),
    (
        "/resources/case-study-cedar-health",
        "Case study: 40 hours a week back at a hospital group",
        "case_study",
    ),
)
SEARCH_REFERRERS = (
    "https://www.google.com/",
    "https://www.bing.com/",
    "https://duckduckgo.com/",
)
SOCIAL_REFERRERS = ("https://www.linkedin.com/", "https://news.ycombinator.com/")

COMPETITORS = ("Metricly", "DashPoint", "InsightHub", "Quantive BI")
FEATURE_GAPS = (
    "SCIM user provisioning",
    "row-level security on shared dashboards",
    "an on-premise option",
    "native SAP connector",
    "scheduled PDF exports",
    "audit log export to their SIEM",
)
# (reason, weight); "{competitor}" and "{gap}" are filled in.
LOST_REASONS = (
    ("Chose {competitor}: cheaper at their seat count", 4),
    ("No decision: project deprioritised this year", 4),
    ("Missing feature: {gap}", 3),
    ("Budget cut after their reorg", 2),
    ("Went with in-house build on their warehouse", 1),
)
# (code, weight, note)
MQL_REJECTIONS = (
    ("not_decision_maker", 5, "Individual contributor researching for a class project on BI."),
    ("no_budget", 3, "Interested but no budget until next fiscal year."),
    ("no_need", 3, "Happy with current spreadsheets for now; revisit in two quarters."),
    ("bad_fit", 3, "Too small for us: a five-person agency."),
    ("bad_data", 2, "Phone number bounces and the title looks made up."),
    ("unresponsive", 4, "Three calls and two emails over two weeks, no reply."),
    ("competitor", 1, "Works at a BI consultancy partnering with a competitor."),
    ("duplicate", 1, "Same person as an existing lead under an old address."),
)
QUARTERS = ("next quarter", "this quarter", "Q3", "Q4", "the new fiscal year")
SQL_REASONS = (
    "Demo done; pain confirmed ({pain}); budget owner joining the next call.",
    "Asked for pricing for {seats} seats; wants to decide {quarter}.",
    "Evaluating us against {competitor}; technical champion identified.",
    "Current tool renewal is up {quarter}; needs {pain} solved before then.",
)
PAINS = (
    "metric definitions differ between finance and sales",
    "dashboards break after every warehouse change",
    "the analysts spend Mondays rebuilding the same reports",
    "no forecast anyone trusts",
    "executives don't look at the BI tool",
)
ACCEPT_REASONS = (
    "Good fit, reached out and booked discovery.",
    "Right persona at a target-size company; accepted.",
    "Pricing page visits and webinar attendance: worth a call.",
)


def mention(email: str) -> str:
    """How a note @mentions a demo user: by their handle (their name, joined by dots)."""
    return "@" + handle_of(next(user.name for user in USERS if user.email == email))


# Where each rep works from (their territory's time zone); everyone else is in Berlin.
REGION_ZONES = {
    "North America": "America/New_York",
    "EMEA": "Europe/Berlin",
    "APAC": "Asia/Singapore",
}
OFFICE_HOURS = {day: ["09:00", "17:30"] for day in ("mon", "tue", "wed", "thu", "fri")}
# Open hand-offs a rep can have waiting: what the SLA review sizes marketing's volume by.
REP_CAPACITY = 25


def work_pattern(email: str, role: str) -> dict[str, object]:
    """Time zone, hours and (for sales reps) capacity of a demo user: routing reads them."""
    zone = next(
        (REGION_ZONES[region] for region, reps in TERRITORIES.items() if email in reps),
        "Europe/Berlin",
    )
    pattern: dict[str, object] = {"time_zone": zone, "working_hours": dict(OFFICE_HOURS)}
    if role == "sales_rep":
        pattern["capacity"] = REP_CAPACITY
    return pattern
