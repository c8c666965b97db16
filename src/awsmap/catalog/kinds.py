"""The registry of kinds of entries: the one place that names them.

Each kind is one row: the keys it has in a data file, the word messages use for it, its record type,
which fields name it (for resolution and clash checks), which fields refer to other entries, and
which fields search indexes. The loader, validation, compiler, catalog, resolution, search and
error messages derive what they do from these rows, so adding a kind is: its definition in the JSON
Schema, one row here, its record type, and its data. No other module spells a kind's name.

Field paths are dotted; ``[]`` steps into every item of a list: ``aws_equivalents[].service``.
"""

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from awsmap.base.modules import module
from awsmap.catalog.models import AwsService, Category, Comparison, Technology
from awsmap.catalog.rules import (
    edges_join_components,
    general_numbers_name_no_service,
    one_value_per_side,
    role_choices,
)

if TYPE_CHECKING:
    from awsmap.catalog.designs import Architecture, Number, Pattern, Question, Tip
    from awsmap.catalog.roles import Role

R = TypeVar("R")
LocalRule = Callable[[dict[str, Any]], Iterator[tuple[str, str]]]


class Ref(NamedTuple):
    """A field whose values are ids of entries of another kind."""

    path: str
    target: str  # the key of the kind referred to


class Searched(NamedTuple):
    """A field that search indexes, under a field label (see ``indexformat.FIELD_WEIGHTS``)."""

    path: str
    label: str
    via: str | None = None  # the values are ids of this kind: index that entry's name instead


class Kind(Generic[R]):
    """One kind of entry. Instances are the registry's rows; compare them by identity."""

    __slots__ = (
        "_builder",
        "_record",
        "brief",
        "images",
        "key",
        "names",
        "plural",
        "refs",
        "rules",
        "search",
        "title",
        "word",
    )

    def __init__(
        self,
        key: str,
        plural: str,
        word: str,
        record: Callable[[dict[str, Any]], R] | str,
        *,
        title: str = "name",
        names: tuple[str, ...] = ("id", "name", "aliases[]"),
        refs: tuple[Ref, ...] = (),
        search: tuple[Searched, ...] = (),
        images: str | None = None,
        rules: tuple[LocalRule, ...] = (),
        brief: tuple[str, ...] = (),
    ) -> None:
        self.key = key  # singular: the kind's id in the index, in JSON "kind" values, in messages
        self.plural = plural  # the top-level key of a data file
        self.word = word  # for people: "AWS service"
        # builds the typed record from a checked document entry; "module:Class" is imported on
        # first use, so that a lookup never pays for the record types of the design library
        self._record = record
        self._builder: Callable[[dict[str, Any]], R] | None = None
        self.title = title  # the field that holds the display name
        self.names = names  # fields whose values name the entry (resolution, clash checks)
        self.refs = refs
        self.search = search
        self.images = images  # container image names, matched by `stack --file`
        self.rules = rules  # checks of one entry that the JSON Schema cannot express
        # top-level fields kept apart as the entry's brief, for callers that list many entries
        # and read only these (``Catalog.referrer_documents``)
        self.brief = brief

    def __repr__(self) -> str:
        return f"Kind({self.key!r})"

    def record(self, data: dict[str, Any]) -> R:
        """The typed record of a checked document entry."""
        if self._builder is None:
            if isinstance(self._record, str):
                where, _, name = self._record.partition(":")
                self._builder = getattr(module(where), name).from_dict
            else:
                self._builder = self._record
        return self._builder(data)

    def label(self, entry_id: str) -> str:
        """How messages name one entry: "technology 'kafka'"."""
        return f"{self.word} '{entry_id}'"

    def name_of(self, data: dict[str, Any]) -> str:
        """The display name of an entry given as a document mapping."""
        return str(data.get(self.title) or data["id"])

    def title_of(self, record: Any) -> str:
        """The display name of a typed record."""
        return str(getattr(record, self.title, None) or record.id)

    def name_values(self, data: dict[str, Any]) -> list[str]:
        """Every id, name and alias of an entry, first occurrence first."""
        found = [v for path in self.names for v in values(data, path) if isinstance(v, str)]
        return list(dict.fromkeys(found))


def values(data: Any, path: str) -> list[Any]:
    """The values ``walk`` finds, without their concrete paths: what an index build needs, for
    every field of every entry (a third of the time of ``walk``, which names each place)."""
    found = [data]
    for name, many in _steps(path):
        deeper: list[Any] = []
        for item in found:
            value = item.get(name) if isinstance(item, dict) else None
            if value is None:
                continue
            if many and isinstance(value, list):
                deeper.extend(value)
            else:
                deeper.append(value)
        found = deeper
    return found


_STEPS: dict[str, tuple[tuple[str, bool], ...]] = {}


def _steps(path: str) -> tuple[tuple[str, bool], ...]:
    steps = _STEPS.get(path)
    if steps is None:
        steps = _STEPS[path] = tuple(
            (head.removesuffix("[]"), head.endswith("[]")) for head in path.split(".")
        )
    return steps


def walk(data: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(concrete path, value) of every value at ``path``; missing fields yield nothing."""
    head, _, rest = path.partition(".")
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(data, dict) or data.get(name) is None:
        return
    value = data[name]
    items = list(enumerate(value)) if many and isinstance(value, list) else [(None, value)]
    for index, item in items:
        here = name if index is None else f"{name}[{index}]"
        if not rest:
            yield here, item
        else:
            for deeper, found in walk(item, rest):
                yield f"{here}.{deeper}", found


_NAMED = (Searched("name", "name"), Searched("aliases[]", "aliases"))

CATEGORY: Kind[Category] = Kind("category", "categories", "category", Category.from_dict)
AWS_SERVICE: Kind[AwsService] = Kind(
    "aws_service",
    "aws_services",
    "AWS service",
    AwsService.from_dict,
    names=("id", "name", "full_name", "aliases[]"),
    refs=(Ref("lifecycle.successors[]", "aws_service"),),
    search=(*_NAMED, Searched("full_name", "name"), Searched("description", "what_it_is")),
)
TECHNOLOGY: Kind[Technology] = Kind(
    "technology",
    "technologies",
    "technology",
    Technology.from_dict,
    refs=(Ref("categories[]", "category"), Ref("aws_equivalents[].service", "aws_service")),
    search=(
        *_NAMED,
        Searched("what_it_is", "what_it_is"),
        Searched("categories[]", "categories", via="category"),
        Searched("use_cases[]", "use_cases"),
        Searched("key_features[]", "key_features"),
        Searched("parallels[]", "parallels"),
        Searched("interview_phrases[]", "interview_phrases"),
        Searched("sections[].items[]", "sections"),
    ),
    images="images[]",
)
COMPARISON: Kind[Comparison] = Kind(
    "comparison",
    "comparisons",
    "comparison",
    Comparison.from_dict,
    title="title",
    names=("id",),
    refs=(Ref("sides[].technology", "technology"), Ref("sides[].aws_service", "aws_service")),
    rules=(one_value_per_side,),
    search=(
        Searched("title", "name"),
        Searched("sides[].label", "aliases"),
        Searched("sides[].choose_when", "how"),
        Searched("rows[].aspect", "key_features"),
        Searched("rows[].values[]", "tradeoffs"),
    ),
)
NUMBER: "Kind[Number]" = Kind(
    "number",
    "numbers",
    "number",
    "awsmap.catalog.designs:Number",
    names=("id",),
    refs=(Ref("service", "aws_service"), Ref("technology", "technology")),
    rules=(general_numbers_name_no_service,),
    search=(
        Searched("name", "name"),
        Searched("service", "tags", via="aws_service"),
        Searched("note", "what_it_is"),
    ),
)
PATTERN: "Kind[Pattern]" = Kind(
    "pattern",
    "patterns",
    "pattern",
    "awsmap.catalog.designs:Pattern",
    refs=(
        Ref("open_source[].technology", "technology"),
        Ref("aws[].service", "aws_service"),
        Ref("related[]", "pattern"),
    ),
    search=(
        *_NAMED,
        Searched("what_it_is", "what_it_is"),
        Searched("tags[]", "tags"),
        Searched("aws[].how", "how"),
        Searched("open_source[].how", "how"),
        Searched("pitfalls[]", "pitfalls"),
        Searched("interview_phrases[]", "interview_phrases"),
        Searched("aws_guidance.title", "aliases"),  # AWS's own name for the pattern
        Searched("well_architected[]", "tags"),  # REL05-BP03 finds the patterns that carry it out
    ),
)
ARCHITECTURE: "Kind[Architecture]" = Kind(
    "architecture",
    "architectures",
    "architecture",
    "awsmap.catalog.designs:Architecture",
    refs=(
        Ref("components[].technologies[]", "technology"),
        Ref("components[].aws_services[]", "aws_service"),
        Ref("patterns[]", "pattern"),
    ),
    search=(
        *_NAMED,
        Searched("summary", "what_it_is"),
        Searched("tags[]", "tags"),
        Searched("components[].role", "components"),
        Searched("tradeoffs[]", "tradeoffs"),
        Searched("notes[]", "tradeoffs"),
    ),
    rules=(edges_join_components,),
    brief=("id", "name", "components"),
)
QUESTION: "Kind[Question]" = Kind(
    "question",
    "questions",
    "question",
    "awsmap.catalog.designs:Question",
    title="title",
    names=("id", "title", "aliases[]"),
    refs=(
        Ref("technologies[]", "technology"),
        Ref("aws_services[]", "aws_service"),
        Ref("patterns[]", "pattern"),
        Ref("architectures[]", "architecture"),
    ),
    search=(
        Searched("title", "name"),
        Searched("aliases[]", "aliases"),
        Searched("prompt", "what_it_is"),
        Searched("tags[]", "tags"),
        Searched("answer.open_source", "answer"),
        Searched("answer.aws", "answer"),
        Searched("tradeoffs[]", "tradeoffs"),
    ),
)
TIP: "Kind[Tip]" = Kind(
    "tip",
    "tips",
    "tip",
    "awsmap.catalog.designs:Tip",
    title="title",
    names=("id", "title", "aliases[]"),
    refs=(Ref("technologies[]", "technology"), Ref("aws_services[]", "aws_service")),
    search=(
        Searched("title", "name"),
        Searched("aliases[]", "aliases"),
        Searched("text", "what_it_is"),
        Searched("items[]", "sections"),
    ),
)
ROLE: "Kind[Role]" = Kind(
    "role",
    "roles",
    "role",
    "awsmap.catalog.roles:Role",
    refs=(
        Ref("aws[].service", "aws_service"),
        Ref("alternatives[].technology", "technology"),
        Ref("patterns[]", "pattern"),
        Ref("related[]", "role"),
    ),
    search=(
        *_NAMED,
        Searched("what_it_is", "what_it_is"),
        Searched("aws[].when", "how"),
        Searched("alternatives[].when", "how"),
    ),
    rules=(role_choices,),
)

# In the order entries are loaded, indexed and listed; search breaks ties in this order too.
KINDS: tuple[Kind[Any], ...] = (
    CATEGORY,
    AWS_SERVICE,
    TECHNOLOGY,
    COMPARISON,
    NUMBER,
    PATTERN,
    ARCHITECTURE,
    QUESTION,
    TIP,
    ROLE,
)
BY_KEY: dict[str, Kind[Any]] = {k.key: k for k in KINDS}
BY_PLURAL: dict[str, Kind[Any]] = {k.plural: k for k in KINDS}


class Dataset:
    """Everything one or more data files hold: each kind's records, in file order."""

    __slots__ = ("_records",)

    def __init__(self, records: dict[str, tuple[Any, ...]] | None = None) -> None:
        self._records = records or {}

    @classmethod
    def from_documents(cls, entries: dict[str, list[dict[str, Any]]]) -> "Dataset":
        """Records from checked document entries, keyed by kind key."""
        return cls({kind.key: tuple(map(kind.record, entries.get(kind.key, ()))) for kind in KINDS})

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> "Dataset":
        """Records of one data file's mapping (keyed by each kind's plural)."""
        return cls.from_documents({kind.key: list(data.get(kind.plural) or ()) for kind in KINDS})

    def to_document(self) -> dict[str, Any]:
        """The mapping a data file holds: the inverse of :meth:`from_document`."""
        return {
            kind.plural: [record.to_dict() for record in self.of(kind)]
            for kind in KINDS
            if self.of(kind)
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Dataset) and self._records == other._records

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._records.items())))

    def of(self, kind: Kind[R]) -> tuple[R, ...]:
        found: tuple[R, ...] = self._records.get(kind.key, ())
        return found

    def counts(self) -> dict[str, int]:
        return {kind.plural: len(self.of(kind)) for kind in KINDS}
