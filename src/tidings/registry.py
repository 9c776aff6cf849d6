"""Named, versioned factories for swappable components, resolved from configuration.

``@register("event_coder", "tidings.rules.v1")`` puts a factory in the catalogue;
``resolve("event_coder", "tidings.rules.v1", **settings)`` builds it. Third-party packages
add entries through the ``tidings.registry`` entry-point group (``kind:name = module:attr``).
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, TypeVar

from tidings.errors import ConfigError, TidingsError

log = logging.getLogger(__name__)

KINDS = (
    "annotator",
    "event_coder",
    "actor_linker",
    "time_resolver",
    "geocoder",
    "quote_finder",
    "embedder",
)

# Modules whose import registers the built-in entries; imported lazily so that
# resolving one kind does not load every model.
_BUILTIN_MODULES: dict[str, tuple[str, ...]] = {
    "annotator": ("tidings.annotate",),
    "event_coder": ("tidings.events",),
    "actor_linker": ("tidings.actors",),
    "time_resolver": ("tidings.temporal",),
    "geocoder": ("tidings.geo",),
    "quote_finder": ("tidings.quotes",),
    "embedder": ("tidings.stories",),
}

# Configuration sections that name a component of one kind in their ``name`` key; every
# other key of the section is a keyword argument of that component's factory.
SECTION_KINDS: dict[str, str] = {
    "annotate": "annotator",
    "event_coder": "event_coder",
    "actor_linker": "actor_linker",
    "time_resolver": "time_resolver",
    "geocoder": "geocoder",
    "quote_finder": "quote_finder",
}

# A factory keyword named after one of these kinds takes a built component of that kind (a
# collaborator: the actor linker an event coder codes parties with, the annotator a geocoder
# parses bare text with), so a stage never looks one up itself and one instance is shared.
# Configuration names the collaborator by its registry name ("" for none); ``resolve`` builds it.
COLLABORATORS = ("actor_linker", "annotator")

F = TypeVar("F", bound=Callable[..., Any])
_catalogue: dict[str, dict[str, Callable[..., Any]]] = {kind: {} for kind in KINDS}
_loaded_entry_points = False


def register(kind: str, name: str) -> Callable[[F], F]:
    """Decorator: register ``factory`` under ``kind`` and ``name``."""
    if kind not in _catalogue:
        raise ConfigError(f"unknown registry kind {kind!r}; known kinds: {', '.join(KINDS)}")

    def decorate(factory: F) -> F:
        _catalogue[kind][name] = factory
        return factory

    return decorate


def _load_entry_points() -> None:
    global _loaded_entry_points
    if _loaded_entry_points:
        return
    _loaded_entry_points = True
    for ep in entry_points(group="tidings.registry"):
        kind, _, name = ep.name.partition(":")
        if kind in _catalogue and name:
            _catalogue[kind][name] = ep.load()


def names(kind: str) -> list[str]:
    """Registered names of one kind (built-ins and plugins)."""
    for module in _BUILTIN_MODULES.get(kind, ()):
        importlib.import_module(module)
    _load_entry_points()
    return sorted(_catalogue.get(kind, {}))


def factory(kind: str, name: str) -> Callable[..., Any]:
    """The registered factory ``name`` of ``kind``; unknown names list the known."""
    known = names(kind)
    if name not in _catalogue.get(kind, {}):
        raise ConfigError(
            f"no {kind} named {name!r} is registered; available: {', '.join(known) or 'none'}"
        )
    return _catalogue[kind][name]


def settings_of(kind: str, name: str) -> dict[str, Any]:
    """The settings a factory takes: keyword name -> default (``inspect.Parameter.empty``
    when it has none). A factory that swallows ``**kwargs`` is refused: its settings could
    not be checked, so a misspelt key would be silently ignored."""
    out: dict[str, Any] = {}
    for param in inspect.signature(factory(kind, name)).parameters.values():
        if param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            raise ConfigError(
                f"{kind} {name!r}: factory takes *{param.name}; declare each setting by name"
            )
        out[param.name] = param.default
    return out


def resolve(kind: str, name: str, **settings: Any) -> Any:
    """Build the component ``name`` of ``kind`` with ``settings``; unknown names list the known,
    unknown settings list the factory's."""
    build = factory(kind, name)
    known = settings_of(kind, name)
    unknown = sorted(set(settings) - set(known))
    if unknown:
        raise ConfigError(
            f"{kind} {name!r}: unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(known) or 'none'}"
        )
    for key in COLLABORATORS:
        if key not in known:
            continue
        if key not in settings:  # not given: the packaged default collaborator
            settings[key] = default_collaborator(key)
        if isinstance(settings[key], str):
            settings[key] = collaborator(key, settings[key])
    return build(**settings)


def default_collaborator(kind: str) -> str:
    """The registry name of the packaged configuration's component of ``kind``."""
    from tidings.config import default_config  # config imports this module lazily too

    for section, section_kind in SECTION_KINDS.items():
        if section_kind == kind:
            return str(default_config().get(section, {}).get("name", ""))
    return ""


def collaborator(kind: str, name: str) -> Any:
    """Build the collaborator ``name`` of ``kind`` with its defaults; ``""`` -> None. One that
    cannot be built is logged and left out (actors stay uncoded), as a stage without it works."""
    if not name:
        return None
    try:
        return resolve(kind, name)
    except (TidingsError, ImportError) as exc:
        log.warning("no %s %r (%s); going on without it", kind, name, exc)
        return None
