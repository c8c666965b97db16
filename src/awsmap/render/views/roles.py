"""Terminal views of roles (the generic words candidates say) and their AWS answer."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.commands.roles import RoleResult, RolesResult, role_answer
from awsmap.render.richtext import View, add_match_line, hint, inert, status_text, table

MAX_CHOICES = 3  # choices of a broad role named in the list
MAX_ALIASES = 2  # aliases named in the list


def _role(result: RoleResult) -> list[RenderableType]:
    r = result.role
    out: list[RenderableType] = [inert(r.name, "bold cyan"), inert(r.what_it_is)]
    if r.aliases:
        out.append(Text.assemble(("Also: ", "dim"), inert(", ".join(r.aliases))))
    add_match_line(out, result.match, r.name)
    answer = result.answer
    if answer is not None:
        out.append(Text.assemble(("AWS answer: ", "bold"), inert(answer.name, "bold green")))
    elif r.broad:
        out.append(
            Text.assemble(
                ("AWS answer: ", "bold"),
                ("it depends on what you store or run; name the kind first", "yellow"),
            )
        )
    aws = table("On AWS", "Service", "Status", "Pick it when")
    for choice in r.aws:
        svc = result.services[choice.service]
        aws.add_row(inert(svc.name, "bold"), status_text(svc), inert(choice.when))
    out.append(aws)
    if r.alternatives:
        other = table("Outside AWS", "Technology", "Pick it when")
        for alt in r.alternatives:
            name = result.techs.get(alt.technology, alt.technology)
            other.add_row(inert(name, "bold"), inert(alt.when))
        out.append(other)
    if r.patterns:
        names = ", ".join(result.patterns.get(p, p) for p in r.patterns)
        out.append(hint(f"Building blocks: {names} (awsmap pattern NAME)"))
    if r.related:
        names = ", ".join(result.related.get(i, i) for i in r.related)
        out.append(hint(f"Related roles: {names} (awsmap role NAME)"))
    source = Text.assemble(("Source: ", "dim"), inert(r.source, "dim"))
    source.no_wrap = True  # a URL is printed whole, for the terminal to wrap or a click to open
    out.append(source)
    return out


def _roles(result: RolesResult) -> list[RenderableType]:
    grid = table(f"{len(result.roles)} roles", "Role", "AWS answer", "Also called")
    for r in result.roles:
        answer = role_answer(r, result.services)
        if answer is not None:
            cell = inert(answer.name)
        else:
            names = [result.services[c.service].name for c in r.aws[:MAX_CHOICES]]
            more = ", …" if len(r.aws) > MAX_CHOICES else ""
            cell = inert("depends: " + ", ".join(names) + more, "yellow")
        aliases = ", ".join(r.aliases[:MAX_ALIASES])
        grid.add_row(inert(r.name, "bold"), cell, inert(aliases, "dim"))
    return [grid, hint("awsmap role NAME shows one: each AWS choice and when to pick it")]


VIEWS: dict[type[Any], View] = {
    RoleResult: _role,
    RolesResult: _roles,
}
