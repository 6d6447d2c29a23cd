"""The reader corrects the People list: ``m`` merge into another person, ``x`` split an alias off, ``d`` hide,
``u`` undo (keys of the People list only; the article's ``m`` is something else).

A correction is saved at once (``reader.corrections``, per document) and the people stage runs again, which
applies the saved corrections: the one place they are applied, for the UI and ``reader analyze`` alike.
The picker (a small modal screen: a filter Input over an OptionList) chooses the other person or the alias.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key, Resize
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.corrections import CorrectionsWarning, load_corrections, save_corrections
from reader.nlp.people.corrections import Correction, hide, merge, split, undo
from reader.nlp.results import Person
from reader.nlp.text import fold
from reader.ui.panes.base import PaneList
from reader.ui.sizes import SHORT_HEIGHT
from reader.wording import count_of

Choice = tuple[str, str]  # (value returned, label shown)


class PickFromList(ModalScreen[str | None]):
    """Pick one of ``choices``: type to filter (accents and case ignored), Enter picks, Escape cancels."""

    DEFAULT_CSS = """
    PickFromList { align: center middle; }
    PickFromList > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    PickFromList #pick-title { height: auto; margin-bottom: 1; }
    PickFromList OptionList { height: auto; max-height: 16; }
    PickFromList.short > Vertical { width: 100%; max-width: 100%; max-height: 100%; border: none; padding: 0; }
    PickFromList.short #pick-title { margin-bottom: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    PickFromList.short OptionList { height: 1fr; max-height: 100%; border: none; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel")]

    def __init__(self, title: str, choices: Sequence[Choice]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"), id="pick-title")
            yield Input(placeholder="Filter (Enter: pick, Escape: cancel)", id="pick-filter")
            yield OptionList(*self._options(""), id="pick-list")

    def on_mount(self) -> None:
        self._highlight_first()
        self.query_one(Input).focus()

    def on_resize(self, event: Resize) -> None:
        """A short terminal (40x8): no box, a one-row title and filter, every other row for the list."""
        short = event.size.height < SHORT_HEIGHT
        self.set_class(short, "short")
        self.query_one(Input).compact = short

    def _options(self, wanted: str) -> list[Option]:
        folded = fold(wanted).strip()
        return [Option(Text(label), id=f"pick-{i}") for i, (_value, label) in enumerate(self.choices)
                if folded in fold(label)]

    def _highlight_first(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        self._highlight_first()

    def on_key(self, event: Key) -> None:
        """Up / Down move in the list while the filter has focus."""
        if event.key in ("up", "down") and self.focused is self.query_one(Input):
            options = self.query_one(OptionList)
            (options.action_cursor_up if event.key == "up" else options.action_cursor_down)()
            event.stop()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            self.app.bell()
            return
        self._pick(option)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option)

    def _pick(self, option: Option) -> None:
        assert option.id is not None
        self.dismiss(self.choices[int(option.id.rsplit("-", 1)[1])][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class CorrectionAsked(Message):
    """The reader pressed a correction key (``op``: merge, split, hide, undo) in the People list."""

    def __init__(self, op: str) -> None:
        super().__init__()
        self.op = op


CORRECTIONS_GROUP = Binding.Group("Merge/split/hide/undo")


class CorrectableList(PaneList):
    """A list with the correction keys (the People list): they act only while it has focus."""

    BINDINGS = [  # one footer entry ("m x d u Merge/split/hide/undo"), each key on its own row in the help
        Binding("m", "correct('merge')", "Merge into…", id="people.merge", group=CORRECTIONS_GROUP),
        Binding("x", "correct('split')", "Split alias", id="people.split", group=CORRECTIONS_GROUP),
        Binding("d", "correct('hide')", "Hide", id="people.hide", group=CORRECTIONS_GROUP),
        Binding("u", "correct('undo')", "Undo fix", id="people.undo", group=CORRECTIONS_GROUP),
    ]

    def action_correct(self, op: str) -> None:
        self.post_message(CorrectionAsked(op))


def person_label(person: Person) -> str:
    """One line naming a person in the picker: name, mentions, the other forms used."""
    others = [a for a in person.aliases if a != person.name]
    tail = f" · also {', '.join(others[:4])}" if others else ""
    return f"{person.name} ({count_of(len(person.mentions), 'mention')}){tail}"


def alias_choices(person: Person, text: str) -> list[Choice]:
    """The name forms of ``person`` with how often each is used."""
    counts: dict[str, int] = {}
    for mention in person.mentions:
        surface = " ".join(text[mention.start : mention.end].split())
        counts[fold(surface)] = counts.get(fold(surface), 0) + 1
    return [(alias, f"{alias} ({count_of(counts.get(fold(alias), 0), 'mention')})") for alias in person.aliases]


class CorrectsPeople:
    """What the People pane does on a correction key (mixed into it). It needs ``document``, ``people``,
    ``highlighted_person()`` and ``start()`` (which runs the people stage again)."""

    corrections: list[Correction]
    _keep: str | None = None  # the key of the person to highlight once the corrected list arrives
    _names: dict[str, str]  # key -> display name of everyone seen in this session (merged or hidden ones too)

    def load_corrections(self) -> None:
        """The document's saved corrections; a damaged file is set aside (and said so) before the stage runs."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CorrectionsWarning)
            self.corrections = load_corrections(self.document)  # type: ignore[attr-defined]
        if not hasattr(self, "_names"):
            self._names = {}
        for warning in caught:
            self.app.notify(str(warning.message), severity="warning", timeout=8)  # type: ignore[attr-defined]

    def on_correction_asked(self, message: CorrectionAsked) -> None:
        message.stop()
        app = self.app  # type: ignore[attr-defined]
        if message.op == "undo":
            if not self.corrections:
                app.bell()
                app.notify("No correction to undo.", timeout=3)
                return
            self._save_corrections(undo(self.corrections), "Undone: " + describe(self.corrections[-1], self._names))
            return
        person: Person | None = self.highlighted_person()  # type: ignore[attr-defined]
        if person is None:
            app.bell()
            return
        if message.op == "hide":
            self._save_corrections([*self.corrections, hide(person.key)], f"Hidden: {person.name} · u: undo")
        elif message.op == "merge":
            others = [(p.key, person_label(p)) for p in self.people if p.key != person.key]  # type: ignore[attr-defined]
            if not others:
                app.bell()
                return
            app.push_screen(PickFromList(f"Merge {person.name} into…", others),
                            lambda key: key and self._save_corrections([*self.corrections, merge(person.key, key)],
                                                           f"Merged {person.name} into {self._person_name(key)} · u: undo",
                                                           keep=key))
        elif message.op == "split":
            if len(person.aliases) < 2:
                app.bell()
                app.notify(f"{person.name} is named one way only: nothing to split off.", timeout=4)
                return
            text = self.document.text  # type: ignore[attr-defined]
            app.push_screen(PickFromList(f"Split a name off {person.name}: its mentions become a person",
                                         alias_choices(person, text)),
                            lambda alias: alias and self._save_corrections([*self.corrections, split(person.key, alias)],
                                                               f"Split {alias} off {person.name} · u: undo",
                                                               keep=person.key))

    def on_people_ready(self, _message: object) -> None:
        """After the pane showed the corrected list (Textual calls this class's handler after the pane's own):
        the cursor goes back to the person just corrected. Their names are remembered: a toast about a person merged
        or hidden names them by name once they have left the list."""
        self._names.update((p.key, p.name) for p in self.found or self.people)  # type: ignore[attr-defined]
        keep, self._keep = self._keep, None
        keys = [p.key for p in self.people]  # type: ignore[attr-defined]
        if keep in keys:
            self.select_person(keys.index(keep))  # type: ignore[attr-defined]

    def _person_name(self, key: str) -> str:
        return name_of(key, self._names)

    def _save_corrections(self, corrections: list[Correction], done: str, keep: str | None = None) -> None:
        """Save ``corrections`` for the document and show the list they make (``keep``: the person to highlight
        in it); on a write error change nothing."""
        app = self.app  # type: ignore[attr-defined]
        try:
            save_corrections(self.document, corrections)  # type: ignore[attr-defined]
        except OSError as error:
            app.notify(f"Could not save the correction: {error}", severity="error", timeout=8)
            return
        app.notify(done, timeout=4)
        self._keep = keep
        self.start()  # type: ignore[attr-defined]  # the people stage again: it applies what was just saved


def name_of(key: str, names: Mapping[str, str]) -> str:
    """The display name of the person ``key``; one never seen (a correction of an earlier session whose person has
    left the list) is named from its key, never shown as the key itself: "mr-collins-2" -> "Mr Collins (2)"."""
    if key in names:
        return names[key]
    words = key.split("-")
    number = f" ({words.pop()})" if len(words) > 1 and words[-1].isdigit() else ""
    return " ".join(word.capitalize() for word in words) + number


def describe(correction: Correction, names: Mapping[str, str]) -> str:
    """A correction in words ("merge Lizzy into Elizabeth Bennet"); ``names``: display names by person key."""
    who = name_of(correction.key, names)
    if correction.op == "merge":
        return f"merge {who} into {name_of(correction.target, names)}"
    if correction.op == "split":
        return f"split {correction.alias} off {who}"
    return f"hide {who}"


def person_details(person: Person, quotes: int | None) -> Text:
    """The details row under the People list: every name form (a wrong merge shows here), titles, quotes."""
    line = Text()
    line.append("Aliases: ", style="bold")
    line.append(", ".join(person.aliases) or person.name)
    if person.titles:
        line.append("  Titles: ", style="bold")
        line.append(", ".join(person.titles[:3]))
    if quotes:
        line.append(f"  {count_of(quotes, 'quote')}", style="magenta")
    return line
