"""A small engine that walks a list of steps.

Answers are a plain dict: {step id: {field: value}}, JSON-serialisable, as saved in a draft.
A step *applies* when its condition holds for the answers so far; a step *stops* the journey
when the resident chose to stop there (for example to report a repair instead). The engine
answers the questions every view asks: may this step be shown, what comes next, what came
before, what is still missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Answers = Mapping[str, Mapping[str, Any]]
Condition = Callable[[Answers], bool]


def always(_answers: Answers) -> bool:
    return True


def never(_answers: Answers) -> bool:
    return False


def answer_is(step_id: str, name: str, *values: Any) -> Condition:
    """True when the saved answer to step_id's field `name` is one of values."""

    def condition(answers: Answers) -> bool:
        return answers.get(step_id, {}).get(name) in values

    condition.__name__ = f"{step_id}.{name} in {values}"
    return condition


@dataclass(frozen=True)
class Step:
    id: str  # kebab-case: also the URL and the template name
    section: str  # the heading it is grouped under on the check page
    applies: Condition = always
    stops: Condition = never  # answered in a way that ends the journey here
    params: Mapping[str, Any] = field(default_factory=dict)  # e.g. which exclusion it asks about


class Journey:
    def __init__(self, steps: list[Step]):
        ids = [s.id for s in steps]
        if len(ids) != len(set(ids)):
            raise ValueError("step ids must be unique")
        self.steps = tuple(steps)
        self._by_id = {s.id: s for s in steps}

    def get(self, step_id: str) -> Step | None:
        return self._by_id.get(step_id)

    def path(self, answers: Answers) -> list[Step]:
        """The steps that apply, in order, up to and including one where the resident stopped."""
        route = []
        for step in self.steps:
            if step.applies(answers):
                route.append(step)
                if step.id in answers and step.stops(answers):
                    break
        return route

    def first_unanswered(self, answers: Answers) -> Step | None:
        return next((s for s in self.path(answers) if s.id not in answers), None)

    def stopped_at(self, answers: Answers) -> Step | None:
        """The step where the resident chose to stop, if they did."""
        route = self.path(answers)
        last = route[-1] if route else None
        if last and last.id in answers and last.stops(answers):
            return last
        return None

    def is_complete(self, answers: Answers) -> bool:
        """Every step on the path is answered and the resident did not stop: ready to check."""
        return self.first_unanswered(answers) is None and self.stopped_at(answers) is None

    def may_show(self, step_id: str, answers: Answers) -> bool:
        """A step may be shown when it is on the path and every step before it is answered."""
        for step in self.path(answers):
            if step.id == step_id:
                return True
            if step.id not in answers:
                return False
        return False

    def next_step(self, step_id: str, answers: Answers) -> Step | None:
        """The step after this one on the path, or None at the end of it.

        Views send a resident who came from the check page to `first_unanswered` instead, so
        that changing an answer which opens a new branch asks only the new questions.
        """
        route = self.path(answers)
        ids = [s.id for s in route]
        if step_id not in ids:
            return None
        i = ids.index(step_id)
        return route[i + 1] if i + 1 < len(route) else None

    def previous_step(self, step_id: str, answers: Answers) -> Step | None:
        route = self.path(answers)
        ids = [s.id for s in route]
        if step_id not in ids:
            return route[-1] if route else None
        i = ids.index(step_id)
        return route[i - 1] if i > 0 else None

    def relevant_answers(self, answers: Answers) -> dict[str, dict[str, Any]]:
        """Only the answers on the current path: a branch the resident left is not lodged."""
        return {s.id: dict(answers[s.id]) for s in self.path(answers) if s.id in answers}

    def sections(self, answers: Answers) -> dict[str, list[Step]]:
        grouped: dict[str, list[Step]] = {}
        for step in self.path(answers):
            grouped.setdefault(step.section, []).append(step)
        return grouped
