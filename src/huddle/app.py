"""The FastAPI application: JSON API under /api/v1, server-rendered UI everywhere else."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware.sessions import SessionMiddleware

from huddle import __version__
from huddle.analytics import api as analytics_api
from huddle.analytics import views as analytics_views
from huddle.assets import api as assets_api
from huddle.assets import views as assets_views
from huddle.attribution import api as attribution_api
from huddle.attribution import views as attribution_views
from huddle.audit import api as audit_api
from huddle.audit import views as audit_views
from huddle.auth import api as auth_api
from huddle.auth import views as auth_views
from huddle.auth.deps import current_actor, current_user, ingest_actor
from huddle.auth.signin import SESSION_LIFETIME
from huddle.auth.tokens import TOKEN_PREFIX
from huddle.campaigns import api as campaigns_api
from huddle.campaigns import views as campaigns_views
from huddle.contacts import api as contacts_api
from huddle.contacts import views as contacts_views
from huddle.contacts.importing import api as contacts_importing_api
from huddle.contacts.importing import views as contacts_importing_views
from huddle.contacts.importing import wizard_api as contacts_import_wizard_api
from huddle.contacts.importing import wizard_views as contacts_import_wizard_views
from huddle.core.checkpoints import checkpoints_after_commits
from huddle.core.db import get_engine, session_factory
from huddle.core.logsafe import install_redaction
from huddle.core.migrations import ensure_schema_current
from huddle.core.settings import Settings, get_settings
from huddle.feedback import api as feedback_api
from huddle.feedback import views as feedback_views
from huddle.goals import api as goals_api
from huddle.goals import views as goals_views
from huddle.home import api as home_api
from huddle.home import views as home_views
from huddle.lifecycle import api as lifecycle_api
from huddle.lifecycle import views as lifecycle_views
from huddle.lifecycle.importing import api as lifecycle_importing_api
from huddle.mailing import api as mailing_api
from huddle.mailing import views as mailing_views
from huddle.notifications import api as notifications_api
from huddle.notifications import views as notifications_views
from huddle.plays import api as plays_api
from huddle.plays import views as plays_views
from huddle.predictive import api as predictive_api
from huddle.predictive import views as predictive_views
from huddle.privacy import api as privacy_api
from huddle.privacy import views as privacy_views
from huddle.routing import api as routing_api
from huddle.routing import views as routing_views
from huddle.scoring import api as scoring_api
from huddle.scoring import views as scoring_views
from huddle.sla import api as sla_api
from huddle.sla import views as sla_views
from huddle.subscribers import register as register_subscribers
from huddle.tracking import api as tracking_api
from huddle.tracking import public as tracking_public
from huddle.tracking import views as tracking_views
from huddle.tracking.collect import CollectEndpoint
from huddle.web.deps import check_csrf, get_session, refuse_unclean_form
from huddle.web.errors import install_error_handlers
from huddle.web.middleware import (
    BodySizeLimitMiddleware,
    JsonBodyMiddleware,
    RequestOriginMiddleware,
    SecurityHeadersMiddleware,
)
from huddle.web.openapi import install_openapi, operation_id
from huddle.web.templating import STATIC_DIR
from huddle.workflows import api as workflows_api
from huddle.workflows import views as workflows_views

# Each domain's routers, in the order they are matched.
API_ROUTERS = (
    # Before contacts.api: its /contacts/{contact_id} would otherwise take /contacts/export.csv.
    contacts_importing_api.router,
    contacts_api.router,
    # After the contacts: the API reference lists the everyday operations first.
    contacts_import_wizard_api.router,
    lifecycle_api.router,
    lifecycle_importing_api.router,
    auth_api.router,
    audit_api.router,
    privacy_api.router,
    tracking_api.router,
    scoring_api.router,
    predictive_api.router,
    sla_api.router,
    routing_api.router,
    notifications_api.router,
    analytics_api.router,
    assets_api.router,
    campaigns_api.router,
    attribution_api.router,
    mailing_api.router,
    feedback_api.router,
    goals_api.router,
    home_api.router,
    workflows_api.router,
    plays_api.router,
)
VIEW_ROUTERS = (
    auth_views.router,
    home_views.router,
    contacts_views.router,
    contacts_importing_views.router,
    contacts_import_wizard_views.router,
    lifecycle_views.router,
    audit_views.router,
    privacy_views.router,
    tracking_views.router,
    tracking_public.router,
    scoring_views.router,
    predictive_views.router,
    sla_views.router,
    routing_views.router,
    notifications_views.router,
    analytics_views.router,
    assets_views.router,
    campaigns_views.router,
    attribution_views.router,
    mailing_views.router,
    feedback_views.router,
    goals_views.router,
    workflows_views.router,
    plays_views.router,
)
# The API's only bodies that are not JSON: the CSV import uploads (multipart/form-data).
FORM_API_PATHS = frozenset(
    {"/api/v1/imports", "/api/v1/imports/preview", "/api/v1/deal-imports", "/api/v1/touch-imports"}
)
# The CSV import uploads: the only bodies allowed past ``max_request_bytes``.
LARGE_UPLOAD_PATHS = FORM_API_PATHS | {
    "/imports",
    "/imports/wizard",
    "/imports/deals",
    "/imports/touches",
}


def make_url_password(url: str) -> str | None:
    """The database password, so the log redaction knows it."""
    return make_url(url).password if url else None


def create_app(
    settings: Settings | None = None,
    *,
    factory: sessionmaker[Session] | None = None,
    check_schema: bool = True,
) -> FastAPI:
    settings = settings or get_settings()
    register_subscribers()
    engine = get_engine(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if check_schema:
            ensure_schema_current(engine)
        with checkpoints_after_commits(engine):
            yield

    app = FastAPI(
        title="Huddle",
        version=__version__,
        description="One shared record for marketing and sales.",
        lifespan=lifespan,
        # Served by home.views from vendored files: FastAPI's own page loads from a CDN.
        docs_url=None,
        openapi_url="/api/v1/openapi.json",
        generate_unique_id_function=operation_id,
        redoc_url=None,
        dependencies=[Depends(check_csrf), Depends(refuse_unclean_form)],
        # FastAPI's own OpenTelemetry bridge asks the global providers whether anyone set
        # them up on every request (a twentieth of /t/collect's event loop time). Huddle
        # sets none up.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.session_factory = factory or session_factory(engine)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="huddle_session",
        same_site="lax",
        https_only=settings.secure_cookies or settings.env == "production",
        max_age=int(SESSION_LIFETIME.total_seconds()),
    )
    # Added last = outermost: who the client is (address, scheme) is settled first, for
    # every layer inside (HSTS on https); the size limit runs next, the headers wrap every
    # answer, and JSON routes refuse other bodies before anything reads them.
    app.add_middleware(JsonBodyMiddleware, form_paths=FORM_API_PATHS)
    app.add_middleware(
        BodySizeLimitMiddleware,
        limit=settings.max_request_bytes,
        large_limit=settings.max_import_bytes,
        large_paths=LARGE_UPLOAD_PATHS,
    )
    app.add_middleware(SecurityHeadersMiddleware, always_hsts=settings.env == "production")
    app.add_middleware(RequestOriginMiddleware, trusted_proxies=settings.trusted_proxies)
    install_redaction([settings.secret_key, make_url_password(settings.database_url)])
    # Outermost, in front of even FastAPI's own error, telemetry and body-limit layers: page
    # views skip routing, sessions and validation (see tracking/collect.py), and answer
    # their own errors and sizes.
    build_stack = app.build_middleware_stack
    app.build_middleware_stack = lambda: CollectEndpoint(build_stack(), state=app.state)  # type: ignore[method-assign]
    install_error_handlers(app)
    for router in API_ROUTERS:
        app.include_router(router, prefix="/api/v1")
    notifications_api.document_webhooks(app)
    for router in VIEW_ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_openapi(
        app,
        auth_calls=(current_user, current_actor, ingest_actor),
        database_calls=(get_session,),
        token_prefix=TOKEN_PREFIX,
    )
    return app
